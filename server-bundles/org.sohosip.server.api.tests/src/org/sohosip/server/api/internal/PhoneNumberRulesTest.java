// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sohosip.core.PhoneNumberRules;

/** The office prefix rules that make national, international and dialled forms of a number match. */
class PhoneNumberRulesTest {

    private static final PhoneNumberRules TAIWAN = PhoneNumberRules.DEFAULT;

    @Test
    void nationalAndInternationalFormsMatch() {
        for (String form : List.of("0223456789", "+886223456789", "(02) 2345-6789", "02-2345-6789",
                "00886 2 2345 6789", "+886 (2) 2345 6789", "tel:+886-2-2345-6789", "sip:+886223456789@office")) {
            assertEquals("+886223456789", TAIWAN.normalize(form), form);
        }
        assertTrue(TAIWAN.sameNumber("0223456789", "+886223456789"));
        assertFalse(TAIWAN.sameNumber("0223456789", "+886223456788"));
    }

    @Test
    void shortNumbersAndExtensionsStayDigits() {
        assertEquals("3301", TAIWAN.normalize("3301"));
        assertEquals("0", TAIWAN.normalize("0"), "the PSTN prefix alone is no number");
        assertEquals("110", TAIWAN.normalize("110"));
        assertEquals("", TAIWAN.normalize("n/a"));
        assertEquals("+886223456789", TAIWAN.normalize("+886 2 2345 6789 ext. 12"), "extension is not the line");
        assertEquals("+886223456789", TAIWAN.normalize("tel:+886-2-2345-6789;ext=12"));
    }

    @Test
    void outsideLinePrefixAndOtherCountries() {
        PhoneNumberRules office = new PhoneNumberRules("49", "0", List.of("00"), "9");
        assertEquals("+49301234567", office.normalize("9 030 1234567"), "outside line, then national");
        assertEquals("+49301234567", office.normalize("030 1234567"));
        assertEquals("+33142685300", office.normalize("9 0033 1 42 68 53 00"));
        assertEquals("901", office.normalize("901"), "a short number starting with 9 keeps its 9");
        PhoneNumberRules none = new PhoneNumberRules("", "0", List.of("00"), "");
        assertEquals("0223456789", none.normalize("0223456789"), "without a country code national stays national");
    }

    @Test
    void configurationKeysBuildTheRules() {
        assertEquals(new PhoneNumberRules("49", "0", List.of("00", "010"), "9"), ApiServlet.numberRules(config()));
    }

    private static ApiConfig config() {
        return new ApiConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return ApiConfig.class; }
            @Override public String dataDir() { return "/tmp"; }
            @Override public String phone_countryCode() { return " 49 "; }
            @Override public String phone_trunkPrefix() { return "0"; }
            @Override public String phone_internationalPrefix() { return "00, 010"; }
            @Override public String phone_outsideLinePrefix() { return "9"; }
            @Override public String api_host() { return "127.0.0.1"; }
            @Override public int api_port() { return 8443; }
            @Override public String sip_domain() { return "x"; }
            @Override public int sip_port() { return 5060; }
            @Override public long api_token_ttl() { return 1; }
            @Override public int api_login_slowAfter() { return 1; }
            @Override public int api_login_lockAfter() { return 1; }
            @Override public int api_login_lockSeconds() { return 1; }
            @Override public String api_admin_allowFrom() { return ""; }
            @Override public int voicemail_noAnswerSeconds() { return 20; }
        };
    }
}
