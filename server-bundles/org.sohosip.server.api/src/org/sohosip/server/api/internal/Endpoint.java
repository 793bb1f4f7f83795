// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;

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

    Endpoint(String method, String template, String operationId, Access access,
            @Nullable Class<? extends Record> body) {
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
}
