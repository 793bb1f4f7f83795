// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.CallHistoryService;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.Telephony;
import org.sohosip.client.core.internal.CallHistoryServiceImpl;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.ui.history.HistoryTopics;
import org.sohosip.ui.history.internal.CsvExport;
import org.sohosip.ui.history.internal.HistoryPart;
import org.sohosip.ui.testing.Screenshots;
import org.sohosip.ui.testing.TestPhonebook;
import org.sohosip.ui.testing.WorkbenchContext;

/**
 * The History part on a real shell (Xvfb in CI) with the real client services: the session logs in to an HTTPS
 * endpoint on loopback ({@link HistoryServer}) and the part reads the calls through the real call history service.
 * Calling back goes to {@link TestTelephony} (see there why).
 */
class HistoryUiTest {

    private static final List<CallHistoryEntry> CALLS = List.of(
            entry(4, CallDirection.INCOMING, "3302", "Bob Builder", "2026-11-25T09:10:00Z", -1, 20, 0,
                    CallDisposition.MISSED),
            entry(3, CallDirection.OUTGOING, "carol", "Smith, \"Carol\"", "2026-11-21T16:00:00Z", 5, 125, 120,
                    CallDisposition.ANSWERED),
            entry(2, CallDirection.INCOMING, "3303", "Zo\u00eb \u00dcnal", "2026-11-20T08:00:00Z", 10, 3735, 3725,
                    CallDisposition.ANSWERED),
            entry(1, CallDirection.OUTGOING, "0800", null, "2026-11-10T12:00:00Z", -1, 30, 0, CallDisposition.BUSY));

    private static IEclipseContext ui;

    @TempDir
    Path dir;
    private Display display;
    private Shell shell;
    private HistoryServer server;
    private SessionServiceImpl session;
    private TestTelephony phone;
    private IEclipseContext ctx;

    private static CallHistoryEntry entry(long id, CallDirection d, String party, String name, String start,
            int answerAfter, int endAfter, long seconds, CallDisposition disposition) {
        Instant s = Instant.parse(start);
        return new CallHistoryEntry(id, d, party, name, s, answerAfter < 0 ? null : s.plusSeconds(answerAfter),
                s.plusSeconds(endAfter), seconds, disposition);
    }

    @BeforeAll
    static void workbenchContext() {
        ui = WorkbenchContext.create(FrameworkUtil.getBundle(HistoryPart.class));
    }

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Call history");
        shell.setSize(1000, 450);
        server = new HistoryServer(dir, CALLS);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "alice", "secret-1234".toCharArray(), c -> true);
        phone = new TestTelephony();
        ctx = ui.createChild();
        ctx.set(CallHistoryService.class, new CallHistoryServiceImpl(session));
        ctx.set(Telephony.class, phone);
        ctx.set(Composite.class, shell);
    }

    @AfterEach
    void tearDown() {
        ctx.dispose();
        assertEquals(0, phone.listenerCount(), "the part lets go of the softphone when it closes");
        shell.dispose();
        session.logout();
        server.close();
    }

    private HistoryPart open() {
        HistoryPart part = ContextInjectionFactory.make(HistoryPart.class, ctx);
        shell.open();
        return part;
    }

    private static List<String> column(HistoryPart part, int c) {
        List<String> out = new ArrayList<>();
        for (TableItem i : part.viewer().getTable().getItems()) {
            out.add(i.getText(c));
        }
        return out;
    }

    private void awaitLoaded(HistoryPart part, int queries) {
        Screenshots.spinUntil(display, () -> server.queries.size() >= queries && !part.isLoading());
    }

    @Test
    void showsTheUsersCallsWhileLoadingOffTheUiThread() throws Exception {
        server.hold = new CountDownLatch(1);
        HistoryPart part = open();
        // the server has not answered yet, and the window still responds
        Screenshots.spinUntil(display, () -> server.queries.size() == 1);
        assertTrue(part.isLoading());
        assertEquals("Loading call history\u2026", part.statusText());
        Screenshots.save(shell, "history-loading");
        server.hold.countDown();
        awaitLoaded(part, 1);

        assertEquals(List.of("limit=500"), server.queries);
        assertEquals(List.of("Incoming", "Outgoing", "Incoming", "Outgoing"), column(part, 0));
        assertEquals(List.of("3302", "carol", "3303", "0800"), column(part, 1));
        assertEquals(List.of("Bob Builder", "Smith, \"Carol\"", "Zo\u00eb \u00dcnal", ""), column(part, 2));
        assertEquals(List.of("0:00", "2:00", "1:02:05", "0:00"), column(part, 4));
        assertEquals(List.of("Missed", "Answered", "Answered", "Busy"), column(part, 5));
        assertFalse(column(part, 3).get(0).isBlank());
        assertEquals("4 calls. Double-click a call to call back.", part.statusText());
        Screenshots.save(shell, "history-all");

        // a call that ends in the softphone makes the history load again (the server has a new record)
        phone.endCall("3302");
        awaitLoaded(part, 2);
        IEclipseContext c = ctx;
        c.get(IEventBroker.class).post(HistoryTopics.REFRESH, "any");
        awaitLoaded(part, 3);
    }

    @Test
    void filtersAskTheServerAndShowOnlyTheMatchingCalls() throws Exception {
        HistoryPart part = open();
        awaitLoaded(part, 1);
        part.show().select(1); // Missed
        part.show().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 2);
        assertEquals("direction=incoming&disposition=missed&limit=500", server.queries.get(1));
        assertEquals(List.of("3302"), column(part, 1));
        Screenshots.save(shell, "history-missed");

        part.show().select(2); // Incoming
        part.show().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 3);
        assertEquals(List.of("3302", "3303"), column(part, 1));
        part.show().select(3); // Outgoing
        part.show().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 4);
        assertEquals("direction=outgoing&limit=500", server.queries.get(3));
        assertEquals(List.of("carol", "0800"), column(part, 1));

        // all calls from 20 to 21 November, both days included, in this computer's time zone
        part.show().select(0);
        part.show().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 5);
        part.fromDate().setDate(2026, 10, 20);
        part.toDate().setDate(2026, 10, 21);
        part.fromEnabled().setSelection(true);
        part.fromEnabled().notifyListeners(SWT.Selection, new Event());
        part.toEnabled().setSelection(true);
        part.toEnabled().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 7);
        ZoneId zone = ZoneId.systemDefault();
        // the From and To loads leave almost together, so the server may see them in either order
        String range = "from=" + LocalDate.of(2026, 11, 20).atStartOfDay(zone).toInstant() + "&to="
                + LocalDate.of(2026, 11, 22).atStartOfDay(zone).toInstant() + "&limit=500";
        assertTrue(server.queries.subList(5, 7).contains(range), server.queries::toString);
        Screenshots.spinUntil(display, () -> column(part, 1).equals(List.of("carol", "3303")));
        Screenshots.save(shell, "history-date-range");

        // a range that ends before it starts is refused without asking the server
        part.fromDate().setDate(2026, 10, 22);
        part.fromDate().notifyListeners(SWT.Selection, new Event());
        assertEquals("The From date must not be after the To date.", part.statusText());
        assertEquals(7, server.queries.size());
    }

    @Test
    void exportWritesTheShownCallsAsRfc4180Csv() throws Exception {
        HistoryPart part = open();
        awaitLoaded(part, 1);
        Path file = dir.resolve("calls.csv");
        Files.writeString(file, "an earlier export");
        part.export(file);
        assertEquals("4 calls exported to " + file, part.statusText());
        String expected = "direction,other_party,other_name,start,answer,end,duration_seconds,disposition\r\n"
                + "incoming,3302,Bob Builder,2026-11-25T09:10:00Z,,2026-11-25T09:10:20Z,0,missed\r\n"
                + "outgoing,carol,\"Smith, \"\"Carol\"\"\",2026-11-21T16:00:00Z,2026-11-21T16:00:05Z,"
                + "2026-11-21T16:02:05Z,120,answered\r\n"
                + "incoming,3303,Zo\u00eb \u00dcnal,2026-11-20T08:00:00Z,2026-11-20T08:00:10Z,2026-11-20T09:02:15Z,"
                + "3725,answered\r\n"
                + "outgoing,0800,,2026-11-10T12:00:00Z,,2026-11-10T12:00:30Z,0,busy\r\n";
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes, new String(bytes, StandardCharsets.UTF_8));
        assertEquals("\"two\r\nlines\"", CsvExport.quote("two\r\nlines"));
        assertEquals("plain", CsvExport.quote("plain"));
        // a caller cannot plant a formula in the user's spreadsheet through a display name
        String evil = CsvExport.csv(List.of(entry(9, CallDirection.INCOMING, "+4930123", "=HYPERLINK(\"x\",\"y\")",
                "2026-11-26T08:00:00Z", -1, 5, 0, CallDisposition.MISSED)));
        assertEquals("incoming,+4930123,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",2026-11-26T08:00:00Z,,"
                + "2026-11-26T08:00:05Z,0,missed\r\n", evil.substring(evil.indexOf("\r\n") + 2));

        // only what the filter shows is exported
        part.show().select(3);
        part.show().notifyListeners(SWT.Selection, new Event());
        awaitLoaded(part, 2);
        part.export(file);
        assertEquals(3, Files.readAllLines(file).size());
        // an export that cannot be written says so and leaves nothing behind
        Path missing = dir.resolve("no-such-folder").resolve("calls.csv");
        part.export(missing);
        assertTrue(part.statusText().startsWith("Could not export to " + missing), part.statusText());
        assertFalse(Files.exists(missing));
    }

    @Test
    void phonebookNamesReplaceSentNamesOnScreenAndInTheExport() throws Exception {
        TestPhonebook book = new TestPhonebook().put("3302", "Bob (Phonebook)");
        ctx.set(ContactService.class, book);
        IEclipseContext partContext = ctx.createChild(); // closed below, to see the part let go of the phonebook
        HistoryPart part = ContextInjectionFactory.make(HistoryPart.class, partContext);
        shell.open();
        awaitLoaded(part, 1);
        // the phonebook wins over the name the call carried; numbers it does not know keep that name
        assertEquals(List.of("Bob (Phonebook)", "Smith, \"Carol\"", "Zo\u00eb \u00dcnal", ""), column(part, 2));
        assertEquals(List.of("3302", "carol", "3303", "0800"), column(part, 1), "the number stays in its column");

        // a name the phonebook learns later (e.g. it finished loading) shows without reloading the history
        book.put("0800", "=Hotline");
        Screenshots.spinUntil(display, () -> column(part, 2).get(3).equals("=Hotline"));
        assertEquals(1, server.queries.size());
        Screenshots.save(shell, "history-phonebook-names");

        Path file = dir.resolve("named.csv");
        part.export(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("direction,other_party,other_name,start,answer,end,duration_seconds,disposition", lines.get(0));
        assertEquals("incoming,3302,Bob (Phonebook),2026-11-25T09:10:00Z,,2026-11-25T09:10:20Z,0,missed",
                lines.get(1));
        assertEquals("outgoing,0800,'=Hotline,2026-11-10T12:00:00Z,,2026-11-10T12:00:30Z,0,busy", lines.get(4),
                "phonebook names are defused like sent names");
        assertEquals(1, book.listenerCount());
        partContext.dispose();
        assertEquals(0, book.listenerCount(), "the part stops listening to the phonebook when it closes");
    }

    @Test
    void theInstalledServiceIsReachedByInjectionAndItsErrorsAreShown() throws Exception {
        // no service in the part's context: injection finds the one the client core registers, whose session
        // (not the one of this test) is logged out
        ctx.remove(CallHistoryService.class);
        HistoryPart part = open();
        Screenshots.spinUntil(display, () -> !part.isLoading());
        assertEquals("Could not load the call history: You are not logged in.", part.statusText());
        assertTrue(server.queries.isEmpty());
    }

    @Test
    void doubleClickCallsTheOtherPartyBack() throws Exception {
        HistoryPart part = open();
        awaitLoaded(part, 1);
        Table table = part.viewer().getTable();
        part.viewer().setSelection(new StructuredSelection(CALLS.get(1)));
        Event e = new Event();
        e.item = table.getItem(1);
        table.notifyListeners(SWT.DefaultSelection, e);
        Screenshots.spinUntil(display, () -> !phone.dialled.isEmpty());
        assertEquals(List.of("carol"), phone.dialled);
        assertEquals("Calling carol\u2026", part.statusText());
    }
}
