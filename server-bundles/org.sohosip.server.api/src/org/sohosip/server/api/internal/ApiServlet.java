// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.core.PhoneNumberRules;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.sohosip.server.gateway.ClickToCallService;
import org.sohosip.server.gateway.GatewayMonitor;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.UserSettingsStore;
import org.sohosip.server.store.LoginRecordStore;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API as one whiteboard servlet under {@code /api/v1/*}. A configuration change replaces the component, which
 * also ends all tokens and throttle state: both live only in memory.
 */
@Component(configurationPid = ApiConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Servlet.class,
        property = { "osgi.http.whiteboard.servlet.pattern=" + Endpoint.BASE + "/*",
                "osgi.http.whiteboard.servlet.name=sohosip-api",
                "osgi.http.whiteboard.servlet.asyncSupported:Boolean=true" })
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Dispatcher dispatcher;
    private final transient ScheduledExecutorService scheduler;
    /** The gateway controller, when it runs (it is optional: the API works without a PSTN gateway). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile @Nullable GatewayMonitor gatewayMonitor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile @Nullable ClickToCallService clickToCall;

    /** Builds the API on the store's services. */
    @Activate
    public ApiServlet(@Reference(name = "accounts") AccountStore accounts,
            @Reference(name = "records") LoginRecordStore records, @Reference(name = "calls") CallRecordStore calls,
            @Reference(name = "contacts") ContactStore contacts,
            @Reference(name = "settings") UserSettingsStore settings,
            @Reference(name = "gateways") GatewayStore gatewayStore,
            @Reference(name = "billing") BillingStore billingStore, ApiConfig config) {
        Clock clock = Clock.systemUTC();
        TokenService tokens = new TokenService(clock, Duration.ofSeconds(config.api_token_ttl()), new SecureRandom());
        LoginThrottle throttle = new LoginThrottle(clock, config.api_login_slowAfter(), config.api_login_lockAfter(),
                Duration.ofSeconds(config.api_login_lockSeconds()));
        AddressRanges adminNetworks = AddressRanges.parse(config.api_admin_allowFrom());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sohosip-api-deferred");
            thread.setDaemon(true);
            return thread;
        });
        LoginHandler login = new LoginHandler(accounts, records, tokens, throttle, config.sip_domain());
        SessionHandlers session = new SessionHandlers(tokens, records);
        AccountHandlers admin = new AccountHandlers(accounts, tokens, config.sip_domain());
        Map<Endpoint, Router.Handler> handlers = new EnumMap<>(Endpoint.class);
        handlers.put(Endpoint.LOGIN, login);
        handlers.put(Endpoint.REFRESH, session::refresh);
        handlers.put(Endpoint.LOGOUT, session::logout);
        handlers.put(Endpoint.ME, session::me);
        handlers.put(Endpoint.LIST_ACCOUNTS, admin::list);
        handlers.put(Endpoint.CREATE_ACCOUNT, admin::create);
        handlers.put(Endpoint.GET_ACCOUNT, admin::get);
        handlers.put(Endpoint.UPDATE_ACCOUNT, admin::update);
        handlers.put(Endpoint.RESET_PASSWORD, admin::resetPassword);
        handlers.put(Endpoint.LIST_LOGIN_RECORDS, new LoginRecordHandler(records));
        CallHandlers callHandlers = new CallHandlers(calls, accounts, config.sip_domain(), config.sip_port());
        handlers.put(Endpoint.SIP_SETTINGS, callHandlers::sipSettings);
        handlers.put(Endpoint.MY_CALLS, callHandlers::myCalls);
        PhoneNumberRules numberRules = numberRules(config);
        ContactHandlers phonebook = new ContactHandlers(contacts, numberRules);
        ImportHandlers exchangeFormats = new ImportHandlers(contacts, numberRules);
        SettingsHandlers own = new SettingsHandlers(settings);
        handlers.put(Endpoint.LIST_CONTACTS, phonebook::list);
        handlers.put(Endpoint.CREATE_CONTACT, phonebook::create);
        handlers.put(Endpoint.NUMBER_RULES, exchange -> exchange.respond(200, numberRules));
        handlers.put(Endpoint.EXPORT_CONTACTS, exchangeFormats::export);
        handlers.put(Endpoint.PREVIEW_IMPORT, exchangeFormats::preview);
        handlers.put(Endpoint.IMPORT_CONTACTS, exchangeFormats::apply);
        handlers.put(Endpoint.GET_CONTACT, phonebook::get);
        handlers.put(Endpoint.UPDATE_CONTACT, phonebook::update);
        handlers.put(Endpoint.DELETE_CONTACT, phonebook::delete);
        handlers.put(Endpoint.DIRECTORY, new DirectoryHandler(accounts, config.sip_domain()));
        handlers.put(Endpoint.GET_SETTINGS, own::get);
        handlers.put(Endpoint.REPLACE_SETTINGS, own::replace);
        GatewayHandlers pstn = new GatewayHandlers(gatewayStore, () -> gatewayMonitor);
        handlers.put(Endpoint.LIST_GATEWAYS, pstn::listGateways);
        handlers.put(Endpoint.CREATE_GATEWAY, pstn::createGateway);
        handlers.put(Endpoint.GET_GATEWAY, pstn::getGateway);
        handlers.put(Endpoint.UPDATE_GATEWAY, pstn::updateGateway);
        handlers.put(Endpoint.DELETE_GATEWAY, pstn::deleteGateway);
        handlers.put(Endpoint.GATEWAY_STATUS, pstn::gatewayStatus);
        handlers.put(Endpoint.LIST_ROUTES, pstn::listRoutes);
        handlers.put(Endpoint.CREATE_ROUTE, pstn::createRoute);
        handlers.put(Endpoint.UPDATE_ROUTE, pstn::updateRoute);
        handlers.put(Endpoint.DELETE_ROUTE, pstn::deleteRoute);
        handlers.put(Endpoint.LIST_EMERGENCY_NUMBERS, pstn::listEmergencyNumbers);
        handlers.put(Endpoint.REPLACE_EMERGENCY_NUMBERS, pstn::replaceEmergencyNumbers);
        handlers.put(Endpoint.LIST_INBOUND_NUMBERS, pstn::listInboundNumbers);
        handlers.put(Endpoint.CREATE_INBOUND_NUMBER, pstn::createInboundNumber);
        handlers.put(Endpoint.UPDATE_INBOUND_NUMBER, pstn::updateInboundNumber);
        handlers.put(Endpoint.DELETE_INBOUND_NUMBER, pstn::deleteInboundNumber);
        BillingHandlers bills = new BillingHandlers(billingStore, gatewayStore, adminNetworks);
        handlers.put(Endpoint.LIST_BILLING, bills::list);
        handlers.put(Endpoint.BILLING_TOTALS, bills::totals);
        handlers.put(Endpoint.BILLING_CSV, bills::csv);
        handlers.put(Endpoint.CLICK_TO_CALL, new ClickToCallHandler(() -> clickToCall));
        handlers.put(Endpoint.OPENAPI, new OpenApiDocument());
        this.dispatcher = new Dispatcher(new Router(handlers), new Guard(tokens, accounts, adminNetworks), new Json(),
                scheduler);
        scheduler.execute(login::warmUp);
    }

    /** @return the number matching rules of the {@code phone.*} keys */
    static PhoneNumberRules numberRules(ApiConfig config) {
        List<String> prefixes = Arrays.stream(config.phone_internationalPrefix().split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        return new PhoneNumberRules(config.phone_countryCode().strip(), config.phone_trunkPrefix().strip(), prefixes,
                config.phone_outsideLinePrefix().strip());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        dispatcher.dispatch(request, response);
    }

    /** Stops the timer of deferred answers. */
    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }
}
