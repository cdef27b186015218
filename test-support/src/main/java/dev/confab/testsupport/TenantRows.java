package dev.confab.testsupport;

import dev.confab.contracts.tenancy.TenantScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks at a service's tables as its own database role does, to prove row-level security keeps tenants apart
 * whatever a query's WHERE clause says.
 */
public final class TenantRows {

    private TenantRows() {
    }

    /** Every table with a tenant column: a table added later is checked without the test knowing it. */
    public static List<String> tenantOwnedTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = SharedPostgres.asSuperuser();
             Statement query = db.createStatement();
             ResultSet found = query.executeQuery("select table_name from information_schema.columns "
                     + "where table_schema = 'public' and column_name = 'tenant_id' order by table_name")) {
            while (found.next()) {
                tables.add(found.getString(1));
            }
        }
        return tables;
    }

    /**
     * The tenants of the rows the service's role sees when it reads a whole table, as a query with a buggy WHERE
     * would, in a transaction that entered {@code tenant} ({@code null}: entered none).
     */
    public static Set<String> visible(String table, String tenant) throws SQLException {
        Set<String> tenants = new HashSet<>();
        try (Connection service = SharedPostgres.asService()) {
            service.setAutoCommit(false);
            enter(service, tenant);
            try (Statement query = service.createStatement();
                 ResultSet rows = query.executeQuery("select tenant_id from " + table)) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
            service.rollback();
        }
        return tenants;
    }

    /** Enters a tenant in the connection's transaction, as the service does first in each of its transactions. */
    public static void enter(Connection service, String tenant) throws SQLException {
        if (tenant == null) {
            return;
        }
        try (PreparedStatement set = service.prepareStatement("select set_config(?, ?, true)")) {
            set.setString(1, TenantScope.SETTING);
            set.setString(2, tenant);
            set.executeQuery().close();
        }
    }
}
