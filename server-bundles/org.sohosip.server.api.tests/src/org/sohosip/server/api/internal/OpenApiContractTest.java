// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;
import org.sohosip.core.api.ClickToCall;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.core.api.ContactConflict;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ContactPage;
import org.sohosip.core.api.DirectoryEntry;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportProblem;
import org.sohosip.core.api.ImportResult;
import org.sohosip.core.api.UserSettings;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;
import org.sohosip.core.api.SipSettings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds the hand-written {@code openapi.json} to the code: the same operations as {@link Endpoint}, the same schema
 * properties as the records that travel, and the error answers each kind of endpoint can give.
 */
class OpenApiContractTest {

    private static final List<Class<? extends Record>> BODIES = List.of(Account.class, LoginRecord.class,
            LoginRequest.class, LoginResponse.class, NewAccount.class, AccountChanges.class, PasswordChange.class,
            ApiError.class, SipSettings.class, CallHistoryEntry.class, Contact.class, PhoneNumber.class,
            PhoneNumberRules.class, ContactData.class, ContactPage.class, ContactConflict.class, DirectoryEntry.class,
            ImportProblem.class, ImportPreview.class, ImportResult.class, UserSettings.class, Gateway.class,
            GatewayChange.class, GatewayStatus.class, RouteRule.class, EmergencyNumber.class, InboundNumber.class,
            BillingRecord.class, BillingTotals.class, ClickToCall.class, ClickToCallStarted.class);

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        doc = new Json().mapper().readTree(OpenApiDocument.load());
    }

    private static JsonNode operation(Endpoint endpoint) {
        return doc.path("paths").path(endpoint.template()).path(endpoint.method().toLowerCase());
    }

    @Test
    void documentIsOpenApi3WithBearerSecurity() {
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        assertEquals(Endpoint.BASE, doc.path("servers").path(0).path("url").asText());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertTrue(doc.path("security").path(0).has("bearerAuth"));
    }

    @Test
    void documentedOperationsAreExactlyTheRoutedOnes() {
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase() + " " + path.getKey() + " "
                            + path.getValue().path(method).path("operationId").asText());
                }
            });
        }
        Set<String> routed = Arrays.stream(Endpoint.values())
                .map(e -> e.method() + " " + e.template() + " " + e.operationId()).collect(Collectors.toCollection(
                        TreeSet::new));
        assertEquals(routed, documented);
    }

    @Test
    void securityAndErrorAnswersFitEachEndpointsAccess() {
        for (Endpoint endpoint : Endpoint.values()) {
            JsonNode op = operation(endpoint);
            JsonNode responses = op.path("responses");
            boolean isPublic = endpoint.access() == Endpoint.Access.PUBLIC;
            assertEquals(isPublic, op.has("security") && op.path("security").isEmpty(), endpoint + " security");
            if (!isPublic) {
                assertTrue(responses.has("401"), endpoint + " documents 401");
            }
            // Besides admin endpoints, a few refuse some requests of ordinary users (someone else's billing, a
            // number the caller may not dial).
            boolean mayRefuse = endpoint.access() == Endpoint.Access.ADMIN || List.of(Endpoint.LIST_BILLING,
                    Endpoint.BILLING_TOTALS, Endpoint.BILLING_CSV, Endpoint.CLICK_TO_CALL).contains(endpoint);
            assertEquals(mayRefuse, responses.has("403"), endpoint + " 403");
            assertTrue(responses.has("405"), endpoint + " documents 405");
            assertTrue(responses.fieldNames().hasNext() && anySuccess(responses), endpoint + " has a 2xx answer");
        }
    }

    @Test
    void endpointsWithBodiesDocumentTheirSchemaAndBodyErrors() {
        for (Endpoint endpoint : Endpoint.values()) {
            JsonNode op = operation(endpoint);
            Class<? extends Record> body = endpoint.body();
            if (endpoint.upload()) {
                for (String type : List.of("text/vcard", "text/csv")) {
                    assertTrue(op.at("/requestBody/content").has(type), endpoint + " takes " + type);
                }
                for (String status : List.of("400", "413", "415")) {
                    assertTrue(op.path("responses").has(status), endpoint + " documents " + status);
                }
                continue;
            }
            if (body == null) {
                assertFalse(op.has("requestBody"), endpoint + " takes no body");
                continue;
            }
            // A body that is a list of records (the emergency numbers) documents an array of that schema.
            JsonNode schema = op.at("/requestBody/content/application~1json/schema");
            assertEquals("#/components/schemas/" + body.getSimpleName(), schema.has("$ref")
                    ? schema.path("$ref").asText() : schema.at("/items/$ref").asText(), endpoint + " body");
            for (String status : List.of("400", "413", "415")) {
                assertTrue(op.path("responses").has(status), endpoint + " documents " + status);
            }
        }
    }

    @Test
    void schemaPropertiesAreTheRecordComponents() {
        for (Class<? extends Record> type : BODIES) {
            JsonNode schema = doc.path("components").path("schemas").path(type.getSimpleName());
            assertFalse(schema.isMissingNode(), "schema " + type.getSimpleName());
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .toList();
            assertEquals(components, properties, type.getSimpleName());
            schema.path("required").forEach(r -> assertTrue(components.contains(r.asText()),
                    type.getSimpleName() + " requires unknown " + r));
        }
    }

    @Test
    void callEnumsMatch() {
        List<String> directions = new ArrayList<>();
        doc.at("/components/schemas/CallDirection/enum").forEach(v -> directions.add(v.asText()));
        assertEquals(Arrays.stream(CallDirection.values()).map(Enum::name).toList(), directions);
        List<String> dispositions = new ArrayList<>();
        doc.at("/components/schemas/CallDisposition/enum").forEach(v -> dispositions.add(v.asText()));
        assertEquals(Arrays.stream(CallDisposition.values()).map(Enum::name).toList(), dispositions);
        List<String> filter = new ArrayList<>();
        operation(Endpoint.MY_CALLS).at("/parameters/1/schema/enum").forEach(v -> filter.add(v.asText()));
        assertEquals(Arrays.stream(CallDisposition.values()).map(d -> d.name().toLowerCase()).toList(), filter);
    }

    @Test
    void loginEventEnumMatches() {
        List<String> documented = new ArrayList<>();
        doc.at("/components/schemas/LoginEvent/enum").forEach(v -> documented.add(v.asText()));
        assertEquals(Arrays.stream(LoginEvent.values()).map(Enum::name).toList(), documented);
    }

    @Test
    void phoneTypeEnumMatches() {
        List<String> documented = new ArrayList<>();
        doc.at("/components/schemas/PhoneType/enum").forEach(v -> documented.add(v.asText()));
        assertEquals(Arrays.stream(PhoneType.values()).map(Enum::name).toList(), documented);
    }

    @Test
    void conflictAnswersCarryEveryApiErrorField() {
        List<String> error = new ArrayList<>();
        doc.at("/components/schemas/ApiError/properties").fieldNames().forEachRemaining(error::add);
        List<String> conflict = new ArrayList<>();
        doc.at("/components/schemas/ContactConflict/properties").fieldNames().forEachRemaining(conflict::add);
        assertEquals(error, conflict.subList(0, error.size()), "a client reading ApiError understands a conflict");
    }

    @Test
    void everyErrorAnswerIsAnApiErrorAndEveryReferenceResolves() {
        Map<String, JsonNode> refs = new TreeMap<>();
        collectRefs(doc, refs);
        refs.keySet().forEach(ref -> assertFalse(doc.at(ref.substring(1)).isMissingNode(), "dangling " + ref));
        doc.at("/components/responses").forEach(r -> assertEquals("#/components/schemas/ApiError",
                r.at("/content/application~1json/schema/$ref").asText()));
    }

    private static boolean anySuccess(JsonNode responses) {
        Iterator<String> names = responses.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }

    private static void collectRefs(JsonNode node, Map<String, JsonNode> refs) {
        if (node.has("$ref")) {
            refs.put(node.path("$ref").asText(), node);
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
