package dev.gatehouse.portal.admin;

import dev.gatehouse.keymanager.accounts.api.AccountPage;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * admin/accounts.xhtml, for administrators (web.xml): every account with its roles, a page at a time; grant and take
 * away PUBLISHER and ADMIN. The service checks the role again and audits each change.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;

    @EJB
    transient AccountService accounts;

    @Inject
    SignedInDeveloper administrator;

    private int page;
    private AccountPage current = new AccountPage(List.of(), 0, PAGE_SIZE, 0);

    public void load() {
        current = accounts.accounts(administrator.required(), page, PAGE_SIZE);
    }

    public void grant(AccountView account, Role role) {
        Outcome.report(() -> {
            accounts.grantRole(administrator.required(), account.id(), role);
            return account.username() + " is now " + role;
        });
        load();
    }

    public void revoke(AccountView account, Role role) {
        Outcome.report(() -> {
            accounts.revokeRole(administrator.required(), account.id(), role);
            return account.username() + " is no longer " + role;
        });
        load();
    }

    public void next() {
        if (hasNext()) {
            page++;
            load();
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            load();
        }
    }

    public boolean hasNext() {
        return (long) (page + 1) * PAGE_SIZE < current.total();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public List<AccountView> getItems() { return current.items(); }
    public long getTotal() { return current.total(); }
    public int getPageNumber() { return page + 1; }
    public List<Role> getManagedRoles() { return List.of(Role.PUBLISHER, Role.ADMIN); }
}
