// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.TabFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.ui.admin.internal.BillingPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Call reports page on a real shell (Xvfb) against an HTTPS server through the real client services: the
 * calls of the last 30 days, totals per user and per day, the chart of calls per day and per hour, the filters
 * (user chosen from the office's accounts, gateway, direction, date range, checked next to the dates) and the CSV
 * export.
 */
class BillingUiTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private AdminFixture f;
    private Gateway fxo;
    private final LocalDate today = LocalDate.now(ZONE);

    @BeforeEach
    void setUp() throws Exception {
        f = new AdminFixture("Call reports");
        fxo = f.server.addGateway("fxo-main", "10.0.0.5", GatewayState.CONNECTED, "20.20.1");
        f.server.addGateway("pri-branch", "10.0.0.6", GatewayState.CONNECTED, "22.1.0");
        f.server.accounts.add(new Account(2, "alice", "Alice Liu", "3301", List.of(), false, true));
        f.server.accounts.add(new Account(3, "bob", "Bob Chen", "3302", List.of(), false, true));
        f.server.accounts.add(new Account(4, "carol", "Carol Wu", "3303", List.of(), false, false));
        call(1, "alice", "fxo-main", BillingDirection.OUTBOUND, today.minusDays(1), 9, 10, 120);
        call(2, "alice", "fxo-main", BillingDirection.OUTBOUND, today.minusDays(1), 9, 40, -1);
        call(3, "bob", "fxo-main", BillingDirection.INBOUND, today, 14, 5, 60);
        call(4, "alice", "pri-branch", BillingDirection.OUTBOUND, today, 14, 30, -1);
        call(5, "alice", "fxo-main", BillingDirection.OUTBOUND, today.minusDays(40), 10, 0, 300);
    }

    /** Adds a call; {@code billable} -1 = not answered. */
    private void call(long id, String user, String gateway, BillingDirection dir, LocalDate day, int hour, int minute,
            int billable) {
        Instant start = day.atTime(hour, minute).atZone(ZONE).toInstant();
        Instant answer = billable < 0 ? null : start.plusSeconds(5);
        Instant end = answer == null ? start.plusSeconds(30) : answer.plusSeconds(billable);
        f.server.billing.add(new BillingRecord(id, "call-" + id + "@pbx", user, gateway, "022345678" + id, dir, start,
                answer, end, Math.max(0, billable), billable < 0 ? BillingDisposition.NO_ANSWER
                        : BillingDisposition.ANSWERED, "1795673942." + id));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static List<String> column(TableViewer v, int column) {
        return Arrays.stream(v.getTable().getItems()).map(i -> i.getText(column)).toList();
    }

    @Test
    void reportWithTotalsChartFiltersAndExport() throws Exception {
        BillingPart part = f.part(BillingPart.class, 1100, 560);
        Screenshots.spinUntil(f.display, () -> part.calls().getTable().getItemCount() == 4 && !part.loading());
        assertEquals("4 calls, 3.0 billable minutes", part.statusText(), "the 40-day-old call is outside the range");
        assertEquals(List.of("alice", "bob", "alice", "alice"), column(part.calls(), 1), "newest first");
        assertEquals(List.of("alice", "bob"), column(part.byUser(), 0));
        assertEquals(List.of("3", "1"), column(part.byUser(), 1));
        assertEquals(List.of("2.0", "1.0"), column(part.byUser(), 3));
        assertEquals(List.of(today.minusDays(1).toString(), today.toString()), column(part.byDay(), 0));
        assertEquals(List.of("2", "2"), column(part.byDay(), 1));
        assertEquals("NO ANSWER", part.calls().getTable().getItem(0).getText(6), "Asterisk's words");

        TabFolder tabs = (TabFolder) part.chart().getParent().getParent();
        tabs.setSelection(2);
        assertEquals(2, part.chart().bars().size(), "one bar per day, yesterday and today");
        assertEquals(2L, part.chart().bars().get(0).value());
        Screenshots.save(f.shell, "billing-chart-days");
        part.chartPerHour(true);
        assertEquals(24, part.chart().bars().size(), "every hour of the day");
        assertEquals(2L, part.chart().bars().get(9).value());
        assertEquals(2L, part.chart().bars().get(14).value());
        assertEquals(0L, part.chart().bars().get(10).value());
        Screenshots.save(f.shell, "billing-chart-hours");
        tabs.setSelection(1);
        Screenshots.save(f.shell, "billing-totals");
        tabs.setSelection(0);

        Screenshots.spinUntil(f.display, () -> part.offersGateway("fxo-main")
                && part.userChoice().getItemCount() > 1);
        part.filterBy("alice", "fxo-main", today.minusDays(7), today, BillingDirection.OUTBOUND);
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.calls().getTable().getItemCount() == 2 && !part.loading());
        assertEquals("2 calls, 2.0 billable minutes", part.statusText());
        String sent = f.server.requests.stream().filter(r -> r.startsWith("GET /api/v1/billing?")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(sent.contains("user=alice&gateway=" + fxo.id() + "&from="), sent);
        assertTrue(sent.endsWith("&direction=outbound&limit=1000"), sent);
        Screenshots.save(f.shell, "billing-filtered");

        long before = f.requests("GET /api/v1/billing");
        part.filterBy(null, null, today, today.minusDays(1), null);
        part.refresh();
        assertEquals("The start of the date range must not be after its end.", part.rangeErrorText());
        assertEquals(before, f.requests("GET /api/v1/billing"), "nothing asked for an empty range");

        part.filterBy("alice", null, today.minusDays(7), today, null);
        Path csv = f.dir.resolve("Master.csv");
        part.export(csv);
        Screenshots.spinUntil(f.display, () -> part.statusText().startsWith("Exported "));
        assertEquals("", part.rangeErrorText(), "a good range clears the message");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), "alice's three calls of the week");
        assertTrue(lines.stream().allMatch(l -> l.startsWith("\"\",\"alice\",\"022345678")), lines.toString());
        assertTrue(lines.get(0).contains("\"NO ANSWER\",\"DOCUMENTATION\",\"1795673942.4\""), lines.get(0));
        assertEquals("Exported " + Files.size(csv) + " bytes to " + csv + ".", part.statusText());
    }

    @Test
    void theUserFilterIsAChoiceOfTheOfficesAccounts() throws Exception {
        BillingPart part = f.part(BillingPart.class, 1100, 560);
        Screenshots.spinUntil(f.display, () -> part.userChoice().getItemCount() == 5 && !part.loading());
        assertTrue((part.userChoice().getStyle() & SWT.READ_ONLY) != 0, "nothing can be typed in");
        assertEquals(List.of("All users", "admin \u2013 Office Admin", "alice \u2013 Alice Liu", "bob \u2013 Bob Chen",
                "carol \u2013 Carol Wu"), List.of(part.userChoice().getItems()), "all first, then by user name");
        assertEquals("All users", part.userChoice().getText());
        assertEquals(4, part.calls().getTable().getItemCount());

        part.chooseUser("bob");
        assertEquals("bob \u2013 Bob Chen", part.userChoice().getText());
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.calls().getTable().getItemCount() == 1 && !part.loading());
        assertEquals(List.of("bob"), column(part.calls(), 1));
        assertEquals("1 calls, 1.0 billable minutes", part.statusText());
        assertTrue(lastReportRequest().contains("?user=bob&from="), lastReportRequest());
        Screenshots.save(f.shell, "billing-user-bob");

        part.chooseUser("alice");
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.calls().getTable().getItemCount() == 3 && !part.loading());
        assertEquals(List.of("alice", "alice", "alice"), column(part.calls(), 1));

        part.chooseUser("carol"); // a disabled account is offered: its past calls still count
        part.refresh();
        Screenshots.spinUntil(f.display, () -> !part.loading() && part.calls().getTable().getItemCount() == 0);
        assertEquals("0 calls, 0.0 billable minutes", part.statusText());

        part.chooseUser(null);
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.calls().getTable().getItemCount() == 4 && !part.loading());
        assertTrue(!lastReportRequest().contains("user="), lastReportRequest());
    }

    private String lastReportRequest() {
        return f.server.requests.stream().filter(r -> r.startsWith("GET /api/v1/billing?")).reduce((a, b) -> b)
                .orElseThrow();
    }
}
