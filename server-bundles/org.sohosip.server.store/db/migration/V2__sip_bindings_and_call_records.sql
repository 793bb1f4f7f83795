-- SPDX-License-Identifier: EPL-2.0
-- Schema version 2: the registrar's bindings (so a restart keeps registrations) and the call records (CDRs).
-- Times are UTC wall-clock time, as in version 1.

-- One row per registered contact of a user name. Q is kept in thousandths (q=0.5 is 500) so it compares exactly.
CREATE TABLE SIP_BINDINGS (
    USERNAME    VARCHAR(64)   NOT NULL,
    CONTACT     VARCHAR(1024) NOT NULL,
    Q_MILLI     INTEGER       NOT NULL,
    EXPIRES_AT  TIMESTAMP     NOT NULL,
    CALL_ID     VARCHAR(255)  NOT NULL,
    CSEQ        BIGINT        NOT NULL,
    SOURCE      VARCHAR(100)  NOT NULL,
    CONSTRAINT SIP_BINDINGS_PK PRIMARY KEY (USERNAME, CONTACT)
);
CREATE INDEX SIP_BINDINGS_EXPIRES_IX ON SIP_BINDINGS (EXPIRES_AT);

-- CALLER and CALLEE are user names when they are accounts, otherwise what the SIP messages named: no foreign key,
-- so a record outlives the account it mentions.
CREATE TABLE CALL_RECORDS (
    ID          BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    CALL_ID     VARCHAR(255) NOT NULL,
    CALLER      VARCHAR(255) NOT NULL,
    CALLER_NAME VARCHAR(255),
    CALLEE      VARCHAR(255) NOT NULL,
    DIALLED     VARCHAR(255) NOT NULL,
    STARTED_AT  TIMESTAMP    NOT NULL,
    ANSWERED_AT TIMESTAMP,
    ENDED_AT    TIMESTAMP    NOT NULL,
    DISPOSITION VARCHAR(16)  NOT NULL,
    CONSTRAINT CALL_RECORDS_PK PRIMARY KEY (ID)
);
CREATE INDEX CALL_RECORDS_CALLER_IX ON CALL_RECORDS (CALLER, STARTED_AT);
CREATE INDEX CALL_RECORDS_CALLEE_IX ON CALL_RECORDS (CALLEE, STARTED_AT);
