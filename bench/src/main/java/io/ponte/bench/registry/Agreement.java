package io.ponte.bench.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Before anything is timed: the service and the JDBC baseline must return the same page for the same filter, or the
 * baseline would not be the service's query and the comparison would mean nothing.
 */
final class Agreement {

    private Agreement() {}

    static void check(RegistryApi api, JdbcBaseline db, int pageSize, long seed) throws Exception {
        var random = new SplittableRandom(seed);
        List<FilterShape> shapes = new ArrayList<>(FilterShape.MIX);
        shapes.addAll(FilterShape.EDGE);
        for (FilterShape shape : shapes) {
            for (int i = 0; i < 3; i++) {
                FilterShape.Instance f = shape.draw(random);
                List<Long> service = RegistryApi.ids(api.listVersions(f.filterQuery(), pageSize));
                List<Long> jdbc = db.list(f, pageSize);
                if (!service.equals(jdbc)) {
                    throw new IllegalStateException("service and JDBC baseline disagree on `" + f.filterQuery()
                            + "`: service " + service + ", JDBC " + jdbc);
                }
                if (FilterShape.MIX.contains(shape) && service.size() < pageSize) {
                    RegistryBench.log(
                            "warning: `%s` fills only %d of %d rows", f.filterQuery(), service.size(), pageSize);
                }
            }
        }
        RegistryBench.log("service and JDBC baseline return the same pages for every filter shape");
    }
}
