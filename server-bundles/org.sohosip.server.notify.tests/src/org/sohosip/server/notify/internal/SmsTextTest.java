// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;

/** What fits in one SMS, and how numbers and sender names are typed. */
class SmsTextTest {

    @Test
    void aLongNoticeIsCutToOneSms() {
        SmsText ascii = SmsText.of("x".repeat(200));
        assertEquals(140, ascii.bytes().length);
        assertEquals(Alphabet.ALPHA_DEFAULT.value(), ascii.coding().toByte());

        // 69 Chinese characters and one emoji (a surrogate pair) at octets 138-141: the pair is dropped whole.
        SmsText ucs2 = SmsText.of("林".repeat(69) + "\uD83D\uDCDE" + "林");
        assertEquals(138, ucs2.bytes().length);
        assertEquals("林".repeat(69), new String(ucs2.bytes(), StandardCharsets.UTF_16BE));
    }

    @Test
    void numbersAndNamesGetTheirTypes() {
        assertEquals(new SmsText.Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "886912345678"),
                SmsText.Address.of(" +886912345678 "));
        assertEquals(new SmsText.Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, "0912345678"),
                SmsText.Address.of("0912345678"));
        assertEquals(TypeOfNumber.ALPHANUMERIC, SmsText.Address.of("SOHOSIP").ton());
        assertEquals("", SmsText.Address.of("").value());
    }
}
