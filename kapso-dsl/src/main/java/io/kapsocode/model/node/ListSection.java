package io.kapsocode.model.node;

import io.kapsocode.model.Required;
import io.kapsocode.model.Values;
import java.util.List;

/**
 * A section of an interactive list (up to 10 sections and 10 rows in all).
 *
 * @param title optional section title
 * @param rows the section's rows
 */
public record ListSection(String title, @Required List<ListRow> rows) {

    public ListSection {
        rows = Values.list(rows);
    }
}
