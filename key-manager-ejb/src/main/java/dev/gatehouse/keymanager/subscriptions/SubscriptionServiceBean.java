package dev.gatehouse.keymanager.subscriptions;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException.Kind;
import dev.gatehouse.keymanager.apis.Api;
import dev.gatehouse.keymanager.apis.ApiRepository;
import dev.gatehouse.keymanager.apis.api.ApiNotFound;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.NotPublisher;
import dev.gatehouse.keymanager.applications.ApplicationRepository;
import dev.gatehouse.keymanager.applications.api.ApplicationCard;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionNotFound;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionRefused;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionAccess;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionPage;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.gatehouse.keymanager.database.UniqueViolation;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Stateless
public class SubscriptionServiceBean implements SubscriptionService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    ApplicationRepository applications;

    @Inject
    ApiRepository apis;

    @EJB
    PlanService plans;

    @EJB
    ApplicationService applicationCards;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @Override
    public SubscriptionView subscribe(Caller caller, UUID applicationId, UUID apiId, UUID planId) {
        applications.owned(caller, applicationId);
        Api api = apis.find(apiId).filter(found -> found.lifecycle().isVisible()).orElseThrow(ApiNotFound::new);
        if (api.lifecycle() != Lifecycle.PUBLISHED) {
            throw new SubscriptionRefused(Kind.INVALID, "api_not_subscribable",
                    "Only PUBLISHED APIs take new subscriptions; this one is " + api.lifecycle() + ".");
        }
        PlanView plan = offeredPlan(apiId, planId);
        if (!em.createNamedQuery("Subscription.of", Subscription.class).setParameter("application", applicationId)
                .setParameter("api", apiId).getResultList().isEmpty()) {
            throw alreadySubscribed();
        }
        Subscription subscription = new Subscription(applicationId, apiId, planId,
                plan.requiresApproval() ? SubscriptionStatus.ON_HOLD : SubscriptionStatus.ACTIVE);
        try {
            em.persist(subscription);
            em.flush(); // twenty concurrent subscribes: the unique constraint decides, and the losers hear 409
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            throw alreadySubscribed();
        }
        changes.record(ChangedEntity.SUBSCRIPTION, subscription.id(), subscription.status().name());
        audit.success(caller.username(), "subscription.create", "subscription", subscription.id(), api.context());
        return view(subscription);
    }

    @Override
    public SubscriptionView changePlan(Caller caller, UUID applicationId, UUID subscriptionId, UUID planId) {
        Subscription subscription = mine(caller, applicationId, subscriptionId);
        PlanView plan = offeredPlan(subscription.apiId(), planId);
        subscription.plan(planId);
        if (plan.requiresApproval() && subscription.status() == SubscriptionStatus.ACTIVE) {
            subscription.status(SubscriptionStatus.ON_HOLD);
        }
        changes.record(ChangedEntity.SUBSCRIPTION, subscriptionId, "PLAN_CHANGED");
        audit.success(caller.username(), "subscription.plan", "subscription", subscriptionId, plan.name());
        return view(subscription);
    }

    /**
     * A publisher's decision outlives the developer's wish to start over: a BLOCKED, PROD_ONLY_BLOCKED or REJECTED
     * subscription stays (removing it would let a new subscription begin ACTIVE). A subscription still ON_HOLD gave
     * no access and may be withdrawn, as may an ACTIVE one.
     */
    @Override
    public void unsubscribe(Caller caller, UUID applicationId, UUID subscriptionId) {
        Subscription subscription = mine(caller, applicationId, subscriptionId);
        switch (subscription.status()) {
            case BLOCKED, PROD_ONLY_BLOCKED -> throw new SubscriptionRefused(Kind.CONFLICT, "subscription_blocked",
                    "A publisher blocked this subscription; it cannot be removed. Ask the API's publisher to unblock it.");
            case REJECTED -> throw new SubscriptionRefused(Kind.CONFLICT, "subscription_rejected",
                    "A publisher rejected this subscription; it cannot be removed. Ask the API's publisher to reconsider.");
            case ACTIVE, ON_HOLD -> {
                // the developer's to withdraw
            }
        }
        em.remove(subscription);
        changes.record(ChangedEntity.SUBSCRIPTION, subscriptionId, "DELETED");
        audit.success(caller.username(), "subscription.delete", "subscription", subscriptionId, null);
    }

    @Override
    public List<SubscriptionView> ofApplication(Caller caller, UUID applicationId) {
        applications.owned(caller, applicationId);
        return em.createNamedQuery("Subscription.ofApplication", Subscription.class)
                .setParameter("application", applicationId).getResultList().stream().map(this::view).toList();
    }

    /** Administrators see every subscription; a publisher those to the APIs they own. */
    @Override
    public List<SubscriptionView> withStatus(Caller publisher, SubscriptionStatus status) {
        return withStatus(publisher, status, 0, Integer.MAX_VALUE).items();
    }

    @Override
    public SubscriptionPage withStatus(Caller publisher, SubscriptionStatus status, int page, int size) {
        requirePublisher(publisher);
        int pageSize = Math.max(1, size);
        int pageNumber = Math.max(0, page);
        boolean all = publisher.has(Role.ADMIN);
        List<UUID> owned = all ? List.of() : apis.idsOwnedBy(publisher.accountId());
        if (!all && owned.isEmpty()) {
            return new SubscriptionPage(List.of(), pageNumber, pageSize, 0);
        }
        var items = all ? em.createNamedQuery("Subscription.withStatus", Subscription.class)
                : em.createNamedQuery("Subscription.withStatusToApis", Subscription.class).setParameter("apis", owned);
        var total = all ? em.createNamedQuery("Subscription.withStatusCount", Long.class)
                : em.createNamedQuery("Subscription.withStatusToApisCount", Long.class).setParameter("apis", owned);
        return new SubscriptionPage(items.setParameter("status", status)
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) pageNumber * pageSize))
                .setMaxResults(pageSize).getResultList().stream().map(this::view).toList(),
                pageNumber, pageSize, total.setParameter("status", status).getSingleResult());
    }

    @Override
    public List<SubscriptionView> ofApi(Caller publisher, UUID apiId) {
        requirePublisher(publisher);
        apis.find(apiId).filter(api -> api.isManagedBy(publisher)).orElseThrow(ApiNotFound::new);
        return em.createNamedQuery("Subscription.toApi", Subscription.class).setParameter("api", apiId)
                .getResultList().stream().map(this::view).toList();
    }

    @Override
    public SubscriptionView approve(Caller publisher, UUID subscriptionId) {
        return decide(publisher, subscriptionId, Set.of(SubscriptionStatus.ON_HOLD), SubscriptionStatus.ACTIVE, "approve");
    }

    @Override
    public SubscriptionView reject(Caller publisher, UUID subscriptionId) {
        return decide(publisher, subscriptionId, Set.of(SubscriptionStatus.ON_HOLD), SubscriptionStatus.REJECTED, "reject");
    }

    @Override
    public SubscriptionView block(Caller publisher, UUID subscriptionId, boolean productionOnly) {
        return decide(publisher, subscriptionId, Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.BLOCKED,
                SubscriptionStatus.PROD_ONLY_BLOCKED),
                productionOnly ? SubscriptionStatus.PROD_ONLY_BLOCKED : SubscriptionStatus.BLOCKED, "block");
    }

    @Override
    public SubscriptionView unblock(Caller publisher, UUID subscriptionId) {
        return decide(publisher, subscriptionId, Set.of(SubscriptionStatus.BLOCKED, SubscriptionStatus.PROD_ONLY_BLOCKED),
                SubscriptionStatus.ACTIVE, "unblock");
    }

    private SubscriptionView decide(Caller publisher, UUID subscriptionId, Set<SubscriptionStatus> from,
            SubscriptionStatus to, String action) {
        requirePublisher(publisher);
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        // a subscription to another publisher's API is not there, exactly as another developer's application
        if (subscription == null || apis.find(subscription.apiId()).filter(api -> api.isManagedBy(publisher)).isEmpty()) {
            throw new SubscriptionNotFound();
        }
        if (!from.contains(subscription.status())) {
            throw new SubscriptionRefused(Kind.INVALID, "illegal_subscription_transition",
                    "A subscription that is " + subscription.status() + " cannot be " + action + "ed.");
        }
        subscription.status(to);
        changes.record(ChangedEntity.SUBSCRIPTION, subscriptionId, to.name());
        audit.success(publisher.username(), "subscription." + action, "subscription", subscriptionId, null);
        return view(subscription);
    }

    private Subscription mine(Caller caller, UUID applicationId, UUID subscriptionId) {
        applications.owned(caller, applicationId);
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (subscription == null || !subscription.applicationId().equals(applicationId)) {
            throw new SubscriptionNotFound();
        }
        return subscription;
    }

    private PlanView offeredPlan(UUID apiId, UUID planId) {
        if (!apis.offers(apiId, planId)) {
            throw new SubscriptionRefused(Kind.INVALID, "plan_not_offered", "The API does not offer that plan.");
        }
        return plans.get(planId);
    }

    private static SubscriptionRefused alreadySubscribed() {
        return new SubscriptionRefused(Kind.CONFLICT, "already_subscribed",
                "The application is already subscribed to this API; change its plan instead.");
    }

    private static void requirePublisher(Caller caller) {
        if (!caller.isPublisher()) {
            throw new NotPublisher();
        }
    }

    @Override
    public Optional<SubscriptionAccess> access(UUID applicationId, UUID apiId) {
        return em.createNamedQuery("Subscription.of", Subscription.class).setParameter("application", applicationId)
                .setParameter("api", apiId).getResultStream().findFirst()
                .map(subscription -> new SubscriptionAccess(subscription.id(), subscription.status(),
                        plans.get(subscription.planId())));
    }

    private SubscriptionView view(Subscription subscription) {
        Api api = apis.find(subscription.apiId()).orElseThrow();
        PlanView plan = plans.get(subscription.planId());
        ApplicationCard application = applicationCards.card(subscription.applicationId()).orElseThrow();
        return new SubscriptionView(subscription.id(), subscription.applicationId(), application.name(),
                application.developer(), api.id(), api.name(),
                api.context(), api.apiVersion(), plan.id(), plan.name(), subscription.status(), subscription.createdAt());
    }
}
