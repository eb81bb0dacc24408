package dev.gatehouse.portal;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces table's rows read one page at a time from a key-manager service (lazy="true"): a list of thousands
 * costs what one page costs, to the database and to the view's state.
 */
public final class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of rows and the count of all rows. */
    public record Page<T>(List<T> rows, long total) {
    }

    /** The service call for page number {@code page} (from 0) of {@code size} rows. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        Page<T> page(int page, int size);
    }

    /** A row's stable key, for selection and for the row an action was clicked in. */
    public interface Key<T> extends Function<T, String>, Serializable {
    }

    private final Source<T> source;
    private final Key<T> key;

    public PagedRows(Source<T> source, Key<T> key) {
        this.source = source;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return rows(source.page(0, 1).total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, pageSize);
        Page<T> page = source.page(first / size, size);
        setRowCount(rows(page.total()));
        return page.rows();
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    private static int rows(long total) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
