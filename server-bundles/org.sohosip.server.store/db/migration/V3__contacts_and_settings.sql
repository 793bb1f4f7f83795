-- SPDX-License-Identifier: EPL-2.0
-- Schema version 3: personal phonebooks and per-user settings. Both belong to an account and go with it.
-- Numbers, e-mail addresses and groups are short lists only ever read with their contact: they are kept as text
-- (NUMBERS: one 'TYPE<tab>as typed<tab>matching form' line each; MATCH_FORMS: '|form|form|' for lookups).
-- SEARCH_TEXT holds the folded (lower-case, accent-free) names, e-mail and SIP addresses and the digits of every
-- number, so that one indexed-owner scan answers a search; SORT_NAME is the folded display name.

-- Contact ids come from a sequence handed out in blocks of 500, so that an import of thousands of contacts is
-- written in JDBC batches instead of one round trip per row to learn its identity value.
CREATE SEQUENCE CONTACT_IDS AS BIGINT START WITH 1 INCREMENT BY 500;

CREATE TABLE CONTACTS (
    ID           BIGINT        NOT NULL,
    OWNER_ID     BIGINT        NOT NULL,
    DISPLAY_NAME VARCHAR(200)  NOT NULL,
    SORT_NAME    VARCHAR(200)  NOT NULL,
    COMPANY      VARCHAR(200)  NOT NULL,
    SORT_COMPANY VARCHAR(200)  NOT NULL,
    TITLE        VARCHAR(200)  NOT NULL,
    SIP_ADDRESS  VARCHAR(260)  NOT NULL,
    NOTES        VARCHAR(4000) NOT NULL,
    FAVOURITE    BOOLEAN       NOT NULL DEFAULT FALSE,
    EMAILS       VARCHAR(6000) NOT NULL,
    GROUP_NAMES  VARCHAR(2100) NOT NULL,
    NUMBERS      VARCHAR(3000) NOT NULL,
    MATCH_FORMS  VARCHAR(1400) NOT NULL,
    SEARCH_TEXT  VARCHAR(12000) NOT NULL,
    CREATED_AT   TIMESTAMP     NOT NULL,
    UPDATED_AT   TIMESTAMP     NOT NULL,
    VERSION      BIGINT        NOT NULL,
    CONSTRAINT CONTACTS_PK PRIMARY KEY (ID),
    CONSTRAINT CONTACTS_OWNER_FK FOREIGN KEY (OWNER_ID) REFERENCES ACCOUNTS (ID) ON DELETE CASCADE
);
CREATE INDEX CONTACTS_OWNER_NAME_IX ON CONTACTS (OWNER_ID, SORT_NAME, ID);

CREATE TABLE USER_SETTINGS (
    ACCOUNT_ID BIGINT         NOT NULL,
    CONTENT    VARCHAR(32000) NOT NULL,
    UPDATED_AT TIMESTAMP      NOT NULL,
    CONSTRAINT USER_SETTINGS_PK PRIMARY KEY (ACCOUNT_ID),
    CONSTRAINT USER_SETTINGS_ACCOUNT_FK FOREIGN KEY (ACCOUNT_ID) REFERENCES ACCOUNTS (ID) ON DELETE CASCADE
);
