package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionPage;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.PagedRows;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * publisher/index.xhtml, for publishers and administrators (web.xml): their APIs, each opening its own page, and
 * the subscriptions awaiting their approval, each table read a page at a time. The services check the role again on
 * every action.
 */
@Named
@ViewScoped
public class PublisherApis implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient SubscriptionService subscriptions;

    @Inject
    SubscriptionDecisions decisions;

    @Inject
    SignedInDeveloper publisher;

    private final PagedRows<ApiView> allApis = new PagedRows<>((page, size) -> {
        ApiPage apisPage = apis.listPage(publisher.required(), page, size);
        return new PagedRows.Page<>(apisPage.items(), apisPage.total());
    }, api -> api.id().toString());

    private final PagedRows<SubscriptionView> awaiting = new PagedRows<>((page, size) -> {
        SubscriptionPage onHold = subscriptions.withStatus(publisher.required(), SubscriptionStatus.ON_HOLD, page, size);
        return new PagedRows.Page<>(onHold.items(), onHold.total());
    }, subscription -> subscription.id().toString());

    /** The tables reload their page after the decision (update="@form"). */
    public void approve(SubscriptionView subscription) {
        decisions.approve(subscription);
    }

    public void reject(SubscriptionView subscription) {
        decisions.reject(subscription);
    }

    public PagedRows<ApiView> getAllApis() {
        return allApis;
    }

    public PagedRows<SubscriptionView> getAwaiting() {
        return awaiting;
    }
}
