// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.BillingFilter;
import org.sohosip.client.core.BillingService;
import org.sohosip.client.core.ClientException;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;

import com.fasterxml.jackson.core.type.TypeReference;

/** The billing endpoints ({@code /api/v1/billing}, {@code /totals}, {@code .csv}) with the session's token. */
@Component(service = BillingService.class)
public final class BillingServiceImpl implements BillingService {

    private final AuthorizedCalls session;

    /** @param session the login session whose token the requests carry */
    @Activate
    public BillingServiceImpl(@Reference AuthorizedCalls session) {
        this.session = session;
    }

    @Override
    public List<BillingRecord> records(BillingFilter filter, int limit) {
        String q = BillingQuery.of(filter).add("limit",
                String.valueOf(Math.max(1, Math.min(BillingQuery.MAX_LIMIT, limit)))).toString();
        return Answers.list(session.authorized((api, token) -> api.request("GET", "/api/v1/billing" + q, token, null,
                new TypeReference<List<BillingRecord>>() { })));
    }

    @Override
    public List<BillingTotals> totals(BillingFilter filter, Grouping by, ZoneId zone) {
        String q = BillingQuery.of(filter).add("by", by.name().toLowerCase(Locale.ROOT)).add("tz", zone.getId())
                .toString();
        return Answers.list(session.authorized((api, token) -> api.request("GET", "/api/v1/billing/totals" + q,
                token, null, new TypeReference<List<BillingTotals>>() { })));
    }

    @Override
    public long exportCsv(BillingFilter filter, Path target) {
        String q = BillingQuery.of(filter).toString();
        byte[] csv = session.authorized((api, token) -> api.download("/api/v1/billing.csv" + q, token));
        Path dir = target.toAbsolutePath().getParent();
        Path part = null;
        try {
            part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            Files.write(part, csv);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return csv.length;
        } catch (IOException e) {
            throw new ClientException("Could not write " + target + " (" + e.getMessage() + ").", e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static void deleteQuietly(@org.eclipse.jdt.annotation.Nullable Path part) {
        if (part != null) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover hidden .part file is harmless; the export itself succeeded or already failed
            }
        }
    }

    @Override
    public String toString() {
        return "BillingService[" + session + "]";
    }
}
