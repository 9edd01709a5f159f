package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.Field;
import io.ponte.registry.core.FieldType;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.ParentField;
import io.ponte.registry.core.StateField;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code filterQuery} names are columns or typed properties of the listed kinds; every other name is a
 * custom property. Property names only ever become SQL through the fixed expressions below.
 */
final class KindCatalog implements FieldCatalog {

    private final Set<Kind> kinds;

    KindCatalog(Set<Kind> kinds) {
        this.kinds = kinds;
    }

    @Override
    public Optional<Column> column(String property) {
        switch (property) {
            case "id":
                return Optional.of(new Column("e.id", ColumnType.BIGINT));
            case "name":
                return Optional.of(new Column("e.name", ColumnType.TEXT));
            case "externalId":
                return Optional.of(new Column("e.external_id", ColumnType.TEXT));
            case "createTimeSinceEpoch":
                return Optional.of(new Column("e.create_time", ColumnType.BIGINT));
            case "lastUpdateTimeSinceEpoch":
                return Optional.of(new Column("e.update_time", ColumnType.BIGINT));
            case "description":
                return Optional.of(new Column("(e.props->>'description')", ColumnType.TEXT));
            default:
                break;
        }
        for (Kind kind : kinds) {
            if (kind.state().map(StateField::name).filter(property::equals).isPresent()) {
                return Optional.of(new Column("e.state", ColumnType.TEXT));
            }
            if (kind.parent().map(ParentField::name).filter(property::equals).isPresent()) {
                return Optional.of(new Column("e.parent_id", ColumnType.BIGINT));
            }
            Optional<Field> field = kind.field(property);
            if (field.isPresent() && field.get().type() != FieldType.STRING_LIST) {
                return Optional.of(typed(field.get()));
            }
        }
        if (kinds.stream().anyMatch(k -> k.isArtifact() || k == Kind.METRIC_HISTORY)
                && ("experimentId".equals(property) || "experimentRunId".equals(property))) {
            return Optional.of(new Column("(e.props->>'" + property + "')::bigint", ColumnType.BIGINT));
        }
        return Optional.empty();
    }

    /** The name is one of the kind's declared fields (a fixed identifier), never user text. */
    private static Column typed(Field f) {
        String text = "(e.props->>'" + f.name() + "')";
        return switch (f.type()) {
            case NUMBER -> new Column(text + "::float8", ColumnType.DOUBLE);
            case INTEGER, INT64_STRING -> new Column(text + "::bigint", ColumnType.BIGINT);
            default -> new Column(text, ColumnType.TEXT);
        };
    }
}
