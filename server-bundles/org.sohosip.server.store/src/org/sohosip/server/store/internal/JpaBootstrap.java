// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;

import org.apache.derby.client.ClientAutoloadedDriver;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * Creates the EclipseLink EntityManagerFactory from code (JPA 3.2 {@link PersistenceConfiguration}): no
 * {@code persistence.xml} discovery, which does not work in plain OSGi without a JPA extender.
 */
final class JpaBootstrap {

    private JpaBootstrap() {
    }

    static EntityManagerFactory create(String url, String user, String password) {
        ClassLoader loader = JpaBootstrap.class.getClassLoader();
        PersistenceConfiguration unit = new PersistenceConfiguration("sohosip")
                .provider(PersistenceProvider.class.getName())
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .managedClass(AccountEntity.class)
                .managedClass(AliasEntity.class)
                .managedClass(LoginRecordEntity.class)
                .managedClass(SipBindingEntity.class)
                .managedClass(CallRecordEntity.class)
                .managedClass(ContactEntity.class)
                .managedClass(UserSettingsEntity.class)
                .managedClass(VoicemailMessageEntity.class)
                .managedClass(VoicemailChunkEntity.class)
                .managedClass(VoicemailGreetingEntity.class)
                .managedClass(MailboxSettingsEntity.class)
                .managedClass(GatewayEntity.class)
                .managedClass(RouteRuleEntity.class)
                .managedClass(EmergencyNumberEntity.class)
                .managedClass(InboundNumberEntity.class)
                .managedClass(BillingRecordEntity.class)
                .managedClass(UtcTimestampConverter.class)
                .property(PersistenceConfiguration.JDBC_DRIVER, ClientAutoloadedDriver.class.getName())
                .property(PersistenceConfiguration.JDBC_URL, url)
                .property(PersistenceConfiguration.JDBC_USER, user)
                .property(PersistenceConfiguration.JDBC_PASSWORD, password)
                // Flyway owns the schema; EclipseLink must never create or alter a table.
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none")
                .property(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE)
                .property(PersistenceUnitProperties.CLASSLOADER, loader)
                .property(PersistenceUnitProperties.WEAVING, "false")
                .property(PersistenceUnitProperties.TARGET_DATABASE, "Derby")
                // No shared object cache: the few reads every call makes are remembered by the stores themselves
                // (ReadCache), which forget them after each write they commit.
                .property(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false")
                // Inserts of entities with sequence ids (contacts) go in batches; identity-keyed ones stay single.
                .property(PersistenceUnitProperties.BATCH_WRITING, "JDBC")
                .property(PersistenceUnitProperties.BATCH_WRITING_SIZE, "500")
                // Connections above the minimum are closed when given back, and each new one pays Derby's password
                // hash: once opened, all are kept (a burst of voicemail calls uses every one), few open at start.
                .property(PersistenceUnitProperties.JDBC_CONNECTIONS_INITIAL, "2")
                .property(PersistenceUnitProperties.JDBC_CONNECTIONS_MIN, "16")
                .property(PersistenceUnitProperties.JDBC_CONNECTIONS_MAX, "16")
                .property(PersistenceUnitProperties.LOGGING_LOGGER, Slf4jSessionLog.class.getName())
                .property(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING")
                .property(PersistenceUnitProperties.LOGGING_PARAMETERS, "false");
        // EclipseLink resolves some class names (the logger) through the context class loader, not the one above.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new PersistenceProvider().createEntityManagerFactory(unit);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
