package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** index.xhtml: the catalog, searched and paged through the URL (?q=...&page=...). */
@Named
@RequestScoped
public class CatalogView {

    static final int PAGE_SIZE = 12;

    @EJB
    ApiService apis;

    private String q;
    private int page;
    private ApiPage result;

    public void load() {
        result = apis.catalog(q, page, PAGE_SIZE);
    }

    public ApiPage getResult() {
        return result;
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < result.total();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
