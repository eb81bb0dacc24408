package dev.gatehouse.portal.admin;

import dev.gatehouse.keymanager.audit.api.AuditEventPage;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.audit.api.AuditQuery;
import dev.gatehouse.keymanager.audit.api.AuditTrail;
import dev.gatehouse.portal.PagedRows;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.primefaces.component.datatable.DataTable;

/**
 * admin/audit.xhtml, for administrators (web.xml): the audit trail, newest first, filtered by actor, action,
 * target and time (UTC), one page at a time from the key manager. The service checks the role again.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @EJB
    transient AuditTrail audit;

    @Inject
    SignedInDeveloper administrator;

    private String actor;
    private String action;
    private String target;
    private LocalDateTime from;
    private LocalDateTime to;

    private final PagedRows<AuditEventView> events = new PagedRows<>((page, size) -> {
        AuditEventPage events = audit.search(administrator.required(), new AuditQuery(actor, action, target,
                instant(from), instant(to), page, size));
        return new PagedRows.Page<>(events.items(), events.total());
    }, event -> Long.toString(event.id()));

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The Search button: the lazy model reads the filters when the table reloads; it starts again at page one. */
    public void search() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":events:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public String time(AuditEventView event) {
        return TIME.format(event.occurredAt());
    }

    public PagedRows<AuditEventView> getEvents() {
        return events;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
