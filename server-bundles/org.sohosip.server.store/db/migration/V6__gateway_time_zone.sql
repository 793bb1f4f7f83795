-- SPDX-License-Identifier: EPL-2.0
-- Schema version 6: each gateway's time zone. Asterisk writes the start, answer and end of a CDR as local
-- date-times without a zone, in the zone of its own host, which need not be the SOHOSIP server's.
-- An IANA zone id such as Asia/Taipei. NULL (gateways stored before this version) means the SOHOSIP server's own
-- zone, which is how their CDRs were read until now.
ALTER TABLE GATEWAYS ADD COLUMN TIME_ZONE VARCHAR(64);
