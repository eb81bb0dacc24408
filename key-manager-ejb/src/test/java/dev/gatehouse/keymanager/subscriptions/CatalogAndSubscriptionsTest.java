package dev.gatehouse.keymanager.subscriptions;

import static dev.gatehouse.keymanager.api.Refusals.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.ApiServiceBean;
import dev.gatehouse.keymanager.apis.ApiTesting;
import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiNotFound;
import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiUpdate;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.NotPublisher;
import dev.gatehouse.keymanager.applications.ApplicationTesting;
import dev.gatehouse.keymanager.accounts.AccountTesting;
import dev.gatehouse.keymanager.applications.api.ApplicationNotFound;
import dev.gatehouse.keymanager.audit.AuditTesting;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.plans.PlanTesting;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionNotFound;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionPage;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog's and the subscriptions' rules with the real beans on H2 and PostgreSQL. */
class CatalogAndSubscriptionsTest {

    private static final UUID BRONZE = UUID.fromString("6b0c7a0e-0f3a-4c2e-9a51-000000000001");
    private static final UUID GOLD = UUID.fromString("6b0c7a0e-0f3a-4c2e-9a51-000000000003");

    private record Beans(ApiServiceBean apis, SubscriptionServiceBean subscriptions) {
        static Beans on(EntityManager em) {
            SubscriptionServiceBean subscriptions = new SubscriptionServiceBean();
            subscriptions.em = em;
            subscriptions.applications = ApplicationTesting.repository(em);
            subscriptions.apis = ApiTesting.repository(em);
            subscriptions.plans = PlanTesting.on(em);
            subscriptions.changes = ChangeFeedTesting.on(em);
            subscriptions.audit = AuditTesting.on(em);
            // the card names the application and its developer; revocations are not needed for it
            subscriptions.applicationCards = ApplicationTesting.service(em, null,
                    subscriptions.changes, subscriptions.audit, AccountTesting.service(em));
            return new Beans(ApiTesting.on(em), subscriptions);
        }
    }

    private static <T> T with(TestPersistence persistence, Function<Beans, T> work) {
        return persistence.inTransaction(em -> work.apply(Beans.on(em)));
    }

    private static Caller account(TestPersistence persistence, Role role) {
        UUID id = UUID.randomUUID();
        String name = "u" + id.toString().substring(0, 8);
        persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO accounts (id, username, username_key, email,"
                + " email_key, display_name, password_hash, created_at) VALUES (?1, ?2, ?2, ?3, ?3, ?2, 'x', CURRENT_TIMESTAMP)")
                .setParameter(1, id).setParameter(2, name).setParameter(3, name + "@example.com").executeUpdate());
        return new Caller(id, name, Set.of(role));
    }

    private static UUID application(TestPersistence persistence, Caller owner) {
        UUID id = UUID.randomUUID();
        persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO applications (id, owner_id, name, name_key,"
                + " created_at, updated_at) VALUES (?1, ?2, ?3, ?3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, id).setParameter(2, owner.accountId()).setParameter(3, "app-" + id).executeUpdate());
        return id;
    }

    private static String sample(String name) {
        try (InputStream in = CatalogAndSubscriptionsTest.class.getClassLoader().getResourceAsStream("samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ApiView published(TestPersistence persistence, Caller publisher, String document, String context) {
        ApiView api = with(persistence, beans -> beans.apis().importApi(publisher,
                new ApiImport(document, context, null, "MOCK", null, null, false, Set.of(BRONZE, GOLD))));
        return with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.PUBLISHED));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importReadsOperationsAndScopesFromYamlAndJson(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            String json = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Echo\",\"version\":\"1\"},\"paths\":{\"/echo\":"
                    + "{\"post\":{\"operationId\":\"echo\",\"security\":[{\"oauth\":[\"echo:write\"]}],\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";

            ApiView pizza = with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(sample("pizzashack.yaml"), "pizza", null, "MOCK", null, null, false, Set.of(BRONZE))));
            ApiView echo = with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(json, "echo", "2.0", "HTTP", "https://backend.example/echo", "https://sandbox.example/echo", false, Set.of(GOLD))));

            assertEquals("PizzaShack", pizza.name());
            assertEquals(Lifecycle.CREATED, pizza.lifecycle());
            assertEquals(3, pizza.operations().size());
            assertEquals(Set.of("orders:write"), pizza.operations().stream().filter(o -> o.path().equals("/order")).findFirst().orElseThrow().scopes());
            assertEquals("2.0", echo.version(), "the publisher's version wins over the document's");
            assertEquals(Set.of("echo:write"), echo.operations().get(0).scopes());
        }
    }

    @Test
    void badDocumentsAndSettingsAreRefusedAndNothingIsWritten() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            Caller developer = account(persistence, Role.DEVELOPER);
            String swagger2 = "{\"swagger\":\"2.0\",\"info\":{\"title\":\"Old\",\"version\":\"1\"},\"paths\":{}}";
            String huge = "openapi: 3.0.0\ninfo: {title: Huge, version: '1'}\npaths: {}\n# " + "x".repeat(2 * 1024 * 1024);

            for (String document : new String[] {"not: [valid", swagger2, huge, "{}"}) {
                assertEquals("invalid_openapi_document", reasonOf(() -> with(persistence, beans -> beans.apis().importApi(publisher,
                        new ApiImport(document, "bad", null, "MOCK", null, null, false, Set.of(BRONZE))))));
            }
            assertEquals("invalid_endpoint", reasonOf(() -> with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(sample("weather.yaml"), "weather", null, "HTTP", "ftp://x", null, false, Set.of(BRONZE))))));
            assertEquals("plan_not_found", reasonOf(() -> with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(sample("weather.yaml"), "weather", null, "MOCK", null, null, false, Set.of(UUID.randomUUID()))))));
            assertEquals("publisher_role_required", reasonOf(() -> with(persistence, beans -> beans.apis().importApi(developer,
                    new ApiImport(sample("weather.yaml"), "weather", null, "MOCK", null, null, false, Set.of(BRONZE))))));
            long apis = persistence.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM Api a", Long.class).getSingleResult());
            long operations = persistence.<Long>inTransaction(em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM api_operations").getSingleResult()).longValue());
            assertEquals(0, apis);
            assertEquals(0, operations);
        }
    }

    @Test
    void lifecycleTransitionsAndCatalogVisibility() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            ApiView api = with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(sample("weather.yaml"), "weather", null, "MOCK", null, null, false, Set.of(BRONZE))));
            assertEquals(0, with(persistence, beans -> beans.apis().catalog(null, 0, 20)).total(), "CREATED is not in the catalog");
            assertEquals("illegal_lifecycle_transition", reasonOf(() -> with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.RETIRED))));

            with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.PUBLISHED));
            published(persistence, publisher, sample("pizzashack.yaml"), "pizza");

            assertEquals(2, with(persistence, beans -> beans.apis().catalog(null, 0, 20)).total());
            assertEquals(1, with(persistence, beans -> beans.apis().catalog("WEATH", 0, 20)).total(), "by name");
            assertEquals(1, with(persistence, beans -> beans.apis().catalog("open-data", 0, 20)).total(), "by tag");
            assertEquals(1, with(persistence, beans -> beans.apis().catalog("pizz", 0, 20)).total(), "by context");
            String untagged = "openapi: 3.0.3\ninfo: {title: Parcels, version: '1'}\npaths: {/p: {get: {responses: {'200': {description: ok}}}}}\n";
            published(persistence, publisher, untagged, "parcels-2");
            assertEquals(1, with(persistence, beans -> beans.apis().catalog("parcels", 0, 20)).total(), "an API without tags");
            assertEquals(1, with(persistence, beans -> beans.apis().catalog("LS-2", 0, 20)).total(), "by context");
            assertEquals(3, with(persistence, beans -> beans.apis().catalog(null, 0, 20)).total());
            var firstPage = with(persistence, beans -> beans.apis().catalog(null, 0, 1));
            var secondPage = with(persistence, beans -> beans.apis().catalog(null, 1, 1));
            assertEquals(1, firstPage.items().size());
            assertTrue(!firstPage.items().get(0).id().equals(secondPage.items().get(0).id()), "pages do not overlap");

            with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.DEPRECATED));
            var history = with(persistence, beans -> beans.apis().history(publisher, api.id()));
            assertEquals(List.of("api.lifecycle", "api.lifecycle", "api.import"),
                    history.stream().map(event -> event.action()).toList(), "newest first");
            assertEquals("DEPRECATED", history.get(0).detail());
            assertEquals(publisher.username(), history.get(0).actor());
            assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.apis()
                    .history(account(persistence, Role.PUBLISHER), api.id())));
            with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.RETIRED));
            assertEquals(2, with(persistence, beans -> beans.apis().catalog(null, 0, 20)).total(), "RETIRED leaves the catalog");
            assertEquals("api_not_found", reasonOf(() -> with(persistence, beans -> beans.apis().get(null, api.id()))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void subscriptionRules(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            Caller alice = account(persistence, Role.DEVELOPER);
            Caller mallory = account(persistence, Role.DEVELOPER);
            UUID app = application(persistence, alice);
            ApiView api = published(persistence, publisher, sample("weather.yaml"), "weather");

            SubscriptionView subscription = with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), BRONZE));
            assertEquals(SubscriptionStatus.ACTIVE, subscription.status());
            var again = assertThrows(BusinessException.class, () -> with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), GOLD)));
            assertEquals("already_subscribed", again.reason());
            assertThrows(ApplicationNotFound.class, () -> with(persistence, beans -> beans.subscriptions().subscribe(mallory, app, api.id(), BRONZE)));
            assertEquals("application_not_found", reasonOf(() -> persistence.inTransactionDo(
                    em -> Beans.on(em).subscriptions().unsubscribe(mallory, app, subscription.id()))));
            var notOffered = assertThrows(BusinessException.class, () -> with(persistence, beans -> beans.subscriptions()
                    .changePlan(alice, app, subscription.id(), UUID.fromString("6b0c7a0e-0f3a-4c2e-9a51-000000000002"))));
            assertEquals("plan_not_offered", notOffered.reason());

            // the publisher sees whose subscription it is; another publisher does not see the API's subscribers
            List<SubscriptionView> subscribers = with(persistence, beans -> beans.subscriptions().ofApi(publisher, api.id()));
            assertEquals(1, subscribers.size());
            assertEquals("app-" + app, subscribers.get(0).applicationName());
            assertEquals(alice.username(), subscribers.get(0).developer(), "the developer's display name");
            assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.subscriptions()
                    .ofApi(account(persistence, Role.PUBLISHER), api.id())));
            assertEquals("publisher_role_required", reasonOf(() -> with(persistence, beans -> beans.subscriptions().ofApi(alice, api.id()))));

            assertEquals("Gold", with(persistence, beans -> beans.subscriptions().changePlan(alice, app, subscription.id(), GOLD)).planName());
            assertEquals(SubscriptionStatus.PROD_ONLY_BLOCKED, with(persistence, beans -> beans.subscriptions().block(publisher, subscription.id(), true)).status());
            assertEquals(SubscriptionStatus.ACTIVE, with(persistence, beans -> beans.subscriptions().unblock(publisher, subscription.id())).status());
            assertEquals("publisher_role_required", reasonOf(() -> with(persistence, beans -> beans.subscriptions().block(alice, subscription.id(), false))), "developers cannot block");

            with(persistence, beans -> {
                beans.subscriptions().unsubscribe(alice, app, subscription.id());
                return null;
            });
            assertEquals(0, with(persistence, beans -> beans.subscriptions().ofApplication(alice, app)).size());

            with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.DEPRECATED));
            var deprecated = assertThrows(BusinessException.class, () -> with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), BRONZE)));
            assertEquals("api_not_subscribable", deprecated.reason());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBlockOrARejectionOutlivesUnsubscribing(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            Caller alice = account(persistence, Role.DEVELOPER);
            UUID app = application(persistence, alice);
            ApiView api = published(persistence, publisher, sample("weather.yaml"), "weather");
            SubscriptionView subscription = with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), BRONZE));

            for (boolean productionOnly : new boolean[] {false, true}) {
                with(persistence, beans -> beans.subscriptions().block(publisher, subscription.id(), productionOnly));
                var refused = assertThrows(BusinessException.class, () -> persistence.inTransactionDo(
                        em -> Beans.on(em).subscriptions().unsubscribe(alice, app, subscription.id())));
                assertEquals("subscription_blocked", refused.reason());
                assertEquals(BusinessException.Kind.CONFLICT, refused.kind());
                assertTrue(refused.getMessage().contains("publisher"), refused.getMessage());
                var again = assertThrows(BusinessException.class, () -> with(persistence,
                        beans -> beans.subscriptions().subscribe(alice, app, api.id(), BRONZE)));
                assertEquals("already_subscribed", again.reason());
                assertEquals(productionOnly ? SubscriptionStatus.PROD_ONLY_BLOCKED : SubscriptionStatus.BLOCKED,
                        with(persistence, beans -> beans.subscriptions().ofApplication(alice, app)).get(0).status(),
                        "still blocked");
            }
        }
    }

    @Test
    void aRejectedSubscriptionCannotBeWithdrawnButOneOnHoldCan() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            Caller alice = account(persistence, Role.DEVELOPER);
            UUID app = application(persistence, alice);
            UUID approval = UUID.randomUUID();
            persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO plans (id, name, name_key, request_limit,"
                    + " time_unit, requires_approval, created_at) VALUES (?1, 'Approved', 'approved', 3, 'DAY', TRUE,"
                    + " CURRENT_TIMESTAMP)").setParameter(1, approval).executeUpdate());
            ApiView api = with(persistence, beans -> beans.apis().importApi(publisher,
                    new ApiImport(sample("weather.yaml"), "weather", null, "MOCK", null, null, false, Set.of(approval))));
            with(persistence, beans -> beans.apis().changeLifecycle(publisher, api.id(), Lifecycle.PUBLISHED));

            SubscriptionView onHold = with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), approval));
            assertEquals(SubscriptionStatus.ON_HOLD, onHold.status());
            persistence.inTransactionDo(em -> Beans.on(em).subscriptions().unsubscribe(alice, app, onHold.id()));
            assertEquals(0, with(persistence, beans -> beans.subscriptions().ofApplication(alice, app)).size(),
                    "a request still on hold gave no access and may be withdrawn");

            SubscriptionView rejected = with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), approval));
            with(persistence, beans -> beans.subscriptions().reject(publisher, rejected.id()));
            var refused = assertThrows(BusinessException.class, () -> persistence.inTransactionDo(
                    em -> Beans.on(em).subscriptions().unsubscribe(alice, app, rejected.id())));
            assertEquals("subscription_rejected", refused.reason());
            assertEquals(SubscriptionStatus.REJECTED,
                    with(persistence, beans -> beans.subscriptions().ofApplication(alice, app)).get(0).status());
        }
    }

    @Test
    void aPublisherSeesAndChangesOnlyTheirOwnApisAndTheirSubscriptions() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller alpha = account(persistence, Role.PUBLISHER);
            Caller beta = account(persistence, Role.PUBLISHER);
            Caller admin = account(persistence, Role.ADMIN);
            Caller alice = account(persistence, Role.DEVELOPER);
            UUID app = application(persistence, alice);
            ApiView alphas = published(persistence, alpha, sample("weather.yaml"), "weather");
            ApiView betas = with(persistence, beans -> beans.apis().importApi(beta,
                    new ApiImport(sample("pizzashack.yaml"), "pizza", null, "MOCK", null, null, false, Set.of(BRONZE))));
            SubscriptionView subscription = with(persistence, beans -> beans.subscriptions().subscribe(alice, app, alphas.id(), BRONZE));
            ApiUpdate update = new ApiUpdate(null, "MOCK", null, null, false, Set.of(BRONZE));

            assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.apis().update(beta, alphas.id(), update)));
            assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.apis().changeLifecycle(beta, alphas.id(), Lifecycle.DEPRECATED)));
            assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.apis().get(alpha, betas.id())),
                    "another publisher's unpublished API is not there");
            assertEquals(List.of(betas.id()), with(persistence, beans -> beans.apis().listAll(beta)).stream().map(ApiView::id).toList());
            assertThrows(SubscriptionNotFound.class, () -> with(persistence, beans -> beans.subscriptions().block(beta, subscription.id(), false)));
            assertThrows(SubscriptionNotFound.class, () -> with(persistence, beans -> beans.subscriptions().approve(beta, subscription.id())));
            assertEquals(0, with(persistence, beans -> beans.subscriptions().withStatus(beta, SubscriptionStatus.ACTIVE)).size());
            assertEquals(List.of(subscription.id()), with(persistence, beans -> beans.subscriptions()
                    .withStatus(alpha, SubscriptionStatus.ACTIVE)).stream().map(SubscriptionView::id).toList());

            assertEquals(Lifecycle.DEPRECATED, with(persistence, beans -> beans.apis().changeLifecycle(admin, alphas.id(), Lifecycle.DEPRECATED)).lifecycle());
            assertEquals(SubscriptionStatus.BLOCKED, with(persistence, beans -> beans.subscriptions().block(admin, subscription.id(), false)).status());
            assertEquals(2, with(persistence, beans -> beans.apis().listAll(admin)).size(), "the administrator sees every API");
            assertEquals(1, with(persistence, beans -> beans.subscriptions().withStatus(admin, SubscriptionStatus.BLOCKED)).size());
            assertEquals(SubscriptionStatus.ACTIVE, with(persistence, beans -> beans.subscriptions().unblock(alpha, subscription.id())).status());
        }
    }

    @Test
    void thePublishersListsComeAPageAtATimeAndCountOnlyTheirOwn() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller alpha = account(persistence, Role.PUBLISHER);
            Caller beta = account(persistence, Role.PUBLISHER);
            Caller admin = account(persistence, Role.ADMIN);
            Caller alice = account(persistence, Role.DEVELOPER);
            ApiView weather = published(persistence, alpha, sample("weather.yaml"), "weather");
            ApiView pizza = published(persistence, alpha, sample("pizzashack.yaml"), "pizza");
            published(persistence, alpha, sample("pizzashack.yaml"), "pizza-too");
            ApiView betas = published(persistence, beta, sample("weather.yaml"), "beta-weather");
            List<UUID> subscribed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UUID app = application(persistence, alice);
                subscribed.add(with(persistence, beans -> beans.subscriptions().subscribe(alice, app, weather.id(), BRONZE)).id());
            }
            with(persistence, beans -> beans.subscriptions().subscribe(alice, application(persistence, alice), betas.id(), BRONZE));

            ApiPage first = with(persistence, beans -> beans.apis().listPage(alpha, 0, 2));
            ApiPage second = with(persistence, beans -> beans.apis().listPage(alpha, 1, 2));
            assertEquals(3, first.total());
            assertEquals(2, first.items().size());
            assertEquals(1, second.items().size());
            assertEquals(with(persistence, beans -> beans.apis().listAll(alpha)).stream().map(ApiView::id).toList(),
                    Stream.concat(first.items().stream(), second.items().stream()).map(ApiView::id).toList(),
                    "the pages are the whole list in its order");
            assertEquals(4, with(persistence, beans -> beans.apis().listPage(admin, 0, 20)).total(), "every API");

            SubscriptionPage firstActive = with(persistence, beans -> beans.subscriptions().withStatus(alpha, SubscriptionStatus.ACTIVE, 0, 2));
            SubscriptionPage lastActive = with(persistence, beans -> beans.subscriptions().withStatus(alpha, SubscriptionStatus.ACTIVE, 1, 2));
            assertEquals(3, firstActive.total(), "not the subscription to another publisher's API");
            assertEquals(2, firstActive.items().size());
            assertEquals(Set.copyOf(subscribed), Stream.concat(firstActive.items().stream(), lastActive.items().stream())
                    .map(SubscriptionView::id).collect(Collectors.toSet()), "the two pages hold all three");
            assertEquals(4, with(persistence, beans -> beans.subscriptions().withStatus(admin, SubscriptionStatus.ACTIVE, 0, 2)).total());
            assertEquals(0, with(persistence, beans -> beans.subscriptions().withStatus(alpha, SubscriptionStatus.ON_HOLD, 0, 2)).total());

            assertEquals(pizza.id(), with(persistence, beans -> beans.apis().managed(alpha, pizza.id())).id());
            var notTheirs = assertThrows(ApiNotFound.class, () -> with(persistence, beans -> beans.apis().managed(beta, pizza.id())));
            assertEquals("api_not_found", notTheirs.reason());
            assertThrows(NotPublisher.class, () -> with(persistence, beans -> beans.apis().listPage(alice, 0, 20)));
        }
    }

    @Test
    void twentyConcurrentSubscribesMakeOneSubscriptionOnPostgresql() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.POSTGRESQL)) {
            Caller publisher = account(persistence, Role.PUBLISHER);
            Caller alice = account(persistence, Role.DEVELOPER);
            UUID app = application(persistence, alice);
            ApiView api = published(persistence, publisher, sample("pizzashack.yaml"), "pizzashack");
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        with(persistence, beans -> beans.subscriptions().subscribe(alice, app, api.id(), BRONZE));
                        return "created";
                    } catch (BusinessException e) {
                        return e.reason();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();

            assertEquals(1, results.stream().filter("created"::equals).count(), results.toString());
            assertEquals(19, results.stream().filter("already_subscribed"::equals).count(), results.toString());
            assertEquals(1, with(persistence, beans -> beans.subscriptions().ofApplication(alice, app)).size());
        }
    }
}
