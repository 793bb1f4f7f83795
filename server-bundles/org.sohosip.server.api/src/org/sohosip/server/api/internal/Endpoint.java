// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.ClickToCall;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;
import org.sohosip.core.api.RouteRule;
import org.sohosip.core.api.UserSettings;

/**
 * Every operation of the API, as data: the router serves exactly these, and a test holds {@code openapi.json} to
 * the same list, so an operation cannot be added without being documented.
 */
public enum Endpoint {
    /** Exchange user name and password for a token. */
    LOGIN("POST", "/auth/login", "login", Access.PUBLIC, LoginRequest.class),
    /** Swap a token for a new one. */
    REFRESH("POST", "/auth/refresh", "refresh", Access.USER, null),
    /** End a token. */
    LOGOUT("POST", "/auth/logout", "logout", Access.USER, null),
    /** The caller's own account. */
    ME("GET", "/me", "me", Access.USER, null),
    /** All accounts. */
    LIST_ACCOUNTS("GET", "/accounts", "listAccounts", Access.ADMIN, null),
    /** Create an account. */
    CREATE_ACCOUNT("POST", "/accounts", "createAccount", Access.ADMIN, NewAccount.class),
    /** One account. */
    GET_ACCOUNT("GET", "/accounts/{id}", "getAccount", Access.ADMIN, null),
    /** Change an account. */
    UPDATE_ACCOUNT("PATCH", "/accounts/{id}", "updateAccount", Access.ADMIN, AccountChanges.class),
    /** Reset an account's password. */
    RESET_PASSWORD("POST", "/accounts/{id}/password", "resetPassword", Access.ADMIN, PasswordChange.class),
    /** The login log. */
    LIST_LOGIN_RECORDS("GET", "/login-records", "listLoginRecords", Access.ADMIN, null),
    /** Where and how the caller's softphone registers. */
    SIP_SETTINGS("GET", "/sip", "sipSettings", Access.USER, null),
    /** The caller's call history. */
    MY_CALLS("GET", "/me/calls", "myCalls", Access.USER, null),
    /** The caller's phonebook, paged, sorted and searched. */
    LIST_CONTACTS("GET", "/contacts", "listContacts", Access.USER, null),
    /** Add a contact. */
    CREATE_CONTACT("POST", "/contacts", "createContact", Access.USER, ContactData.class),
    /** How numbers are matched (the office's prefix rules). Listed before {@code /contacts/{id}}. */
    NUMBER_RULES("GET", "/contacts/number-rules", "numberRules", Access.USER, null),
    /** The phonebook as a vCard or CSV file. Listed before {@code /contacts/{id}}. */
    EXPORT_CONTACTS("GET", "/contacts/export", "exportContacts", Access.USER, null),
    /** What importing a vCard or CSV file would do. */
    PREVIEW_IMPORT("POST", "/contacts/import/preview", "previewImport", Access.USER, null, true),
    /** Import a vCard or CSV file, all or nothing. */
    IMPORT_CONTACTS("POST", "/contacts/import", "importContacts", Access.USER, null, true),
    /** One contact. */
    GET_CONTACT("GET", "/contacts/{id}", "getContact", Access.USER, null),
    /** Replace a contact (optimistic concurrency by version). */
    UPDATE_CONTACT("PUT", "/contacts/{id}", "updateContact", Access.USER, ContactData.class),
    /** Delete a contact. */
    DELETE_CONTACT("DELETE", "/contacts/{id}", "deleteContact", Access.USER, null),
    /** The company directory. */
    DIRECTORY("GET", "/directory", "listDirectory", Access.USER, null),
    /** The caller's own settings. */
    GET_SETTINGS("GET", "/me/settings", "getSettings", Access.USER, null),
    /** Replace the caller's own settings. */
    REPLACE_SETTINGS("PUT", "/me/settings", "replaceSettings", Access.USER, UserSettings.class),
    /** The PSTN gateways. */
    LIST_GATEWAYS("GET", "/gateways", "listGateways", Access.ADMIN, null),
    /** Add a gateway. */
    CREATE_GATEWAY("POST", "/gateways", "createGateway", Access.ADMIN, GatewayChange.class),
    /** One gateway. */
    GET_GATEWAY("GET", "/gateways/{id}", "getGateway", Access.ADMIN, null),
    /** Replace a gateway's settings. */
    UPDATE_GATEWAY("PUT", "/gateways/{id}", "updateGateway", Access.ADMIN, GatewayChange.class),
    /** Remove a gateway. */
    DELETE_GATEWAY("DELETE", "/gateways/{id}", "deleteGateway", Access.ADMIN, null),
    /** A gateway's AMI link state. */
    GATEWAY_STATUS("GET", "/gateways/{id}/status", "gatewayStatus", Access.ADMIN, null),
    /** The outbound route rules. */
    LIST_ROUTES("GET", "/routes", "listRoutes", Access.ADMIN, null),
    /** Add a route rule. */
    CREATE_ROUTE("POST", "/routes", "createRoute", Access.ADMIN, RouteRule.class),
    /** Replace a route rule. */
    UPDATE_ROUTE("PUT", "/routes/{id}", "updateRoute", Access.ADMIN, RouteRule.class),
    /** Remove a route rule. */
    DELETE_ROUTE("DELETE", "/routes/{id}", "deleteRoute", Access.ADMIN, null),
    /** The emergency numbers. */
    LIST_EMERGENCY_NUMBERS("GET", "/emergency-numbers", "listEmergencyNumbers", Access.ADMIN, null),
    /** Replace the emergency numbers (the body is a JSON array of them). */
    REPLACE_EMERGENCY_NUMBERS("PUT", "/emergency-numbers", "replaceEmergencyNumbers", Access.ADMIN,
            EmergencyNumber.class),
    /** The inbound numbers. */
    LIST_INBOUND_NUMBERS("GET", "/inbound-numbers", "listInboundNumbers", Access.ADMIN, null),
    /** Add an inbound number. */
    CREATE_INBOUND_NUMBER("POST", "/inbound-numbers", "createInboundNumber", Access.ADMIN, InboundNumber.class),
    /** Replace an inbound number. */
    UPDATE_INBOUND_NUMBER("PUT", "/inbound-numbers/{id}", "updateInboundNumber", Access.ADMIN, InboundNumber.class),
    /** Remove an inbound number. */
    DELETE_INBOUND_NUMBER("DELETE", "/inbound-numbers/{id}", "deleteInboundNumber", Access.ADMIN, null),
    /** Billing records (everybody's for administrators, otherwise the caller's own). */
    LIST_BILLING("GET", "/billing", "listBilling", Access.USER, null),
    /** Billing totals per user, day or hour. */
    BILLING_TOTALS("GET", "/billing/totals", "billingTotals", Access.USER, null),
    /** Billing records as Asterisk's Master.csv. */
    BILLING_CSV("GET", "/billing.csv", "billingCsv", Access.USER, null),
    /** Ring the caller's phone, then dial a number. */
    CLICK_TO_CALL("POST", "/me/click-to-call", "clickToCall", Access.USER, ClickToCall.class),
    /** This API's OpenAPI document. */
    OPENAPI("GET", "/openapi.json", "openApi", Access.PUBLIC, null);

    /** Who may call an endpoint. */
    public enum Access {
        /** Anybody. */
        PUBLIC,
        /** Any logged-in account. */
        USER,
        /** Administrators, from the networks in {@code api.admin.allowFrom}. */
        ADMIN
    }

    /** The path every template is relative to. */
    public static final String BASE = "/api/v1";

    private final String method;
    private final String template;
    private final String operationId;
    private final Access access;
    private final @Nullable Class<? extends Record> body;
    private final boolean upload;

    Endpoint(String method, String template, String operationId, Access access,
            @Nullable Class<? extends Record> body) {
        this(method, template, operationId, access, body, false);
    }

    Endpoint(String method, String template, String operationId, Access access,
            @Nullable Class<? extends Record> body, boolean upload) {
        this.upload = upload;
        this.method = method;
        this.template = template;
        this.operationId = operationId;
        this.access = access;
        this.body = body;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path below {@link #BASE}, with {@code {name}} for a variable segment */
    public String template() {
        return template;
    }

    /** @return the OpenAPI operationId */
    public String operationId() {
        return operationId;
    }

    /** @return who may call it */
    public Access access() {
        return access;
    }

    /** @return the JSON body type it reads, or {@code null} when it takes no body */
    public @Nullable Class<? extends Record> body() {
        return body;
    }

    /** @return whether it reads a file (vCard or CSV, up to {@code Dispatcher.MAX_UPLOAD}) instead of JSON */
    public boolean upload() {
        return upload;
    }
}
