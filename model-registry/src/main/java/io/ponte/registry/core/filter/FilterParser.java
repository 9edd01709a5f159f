package io.ponte.registry.core.filter;

import io.ponte.registry.core.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the {@code filterQuery} language of the Kubeflow Model Registry REST API:
 *
 * <pre>
 * query      = or
 * or         = and { OR and }
 * and        = primary { AND primary }
 * primary    = "(" or ")" | property ( operator value | IN "(" value { "," value } ")" )
 * operator   = "=" | "!=" | "&lt;&gt;" | "&gt;" | "&lt;" | "&gt;=" | "&lt;=" | LIKE | ILIKE
 * property   = name [ "." accessor ] | "`" any "`" [ "." accessor ]
 * accessor   = string_value | int_value | double_value | bool_value
 * value      = "string" | 'string' | integer | decimal | TRUE | FALSE
 * </pre>
 *
 * Keywords ignore letter case. A dotted name whose last segment is not an accessor is one name containing dots
 * ({@code mlflow.source}). Strings and backticked names take a backslash before their closing quote or a backslash;
 * any other backslash is kept, so LIKE patterns can escape {@code %} and {@code _}. LIKE and ILIKE take a string.
 */
public final class FilterParser {

    /** Longer queries are refused before parsing. */
    public static final int MAX_LENGTH = 4096;

    private static final int MAX_NESTING = 64;

    private final List<Token> tokens;
    private int next;
    private int nesting;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * The filter a query describes, or empty for a null or blank query.
     *
     * @throws FilterSyntaxException when the query does not follow the grammar
     */
    public static Optional<Filter> parse(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        if (query.length() > MAX_LENGTH) {
            throw new FilterSyntaxException("longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        FilterParser parser = new FilterParser(FilterLexer.tokens(query));
        Filter filter = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new FilterSyntaxException(
                    "expected AND, OR or the end of the query but found " + rest.shown(), rest.position());
        }
        return Optional.of(filter);
    }

    private Filter or() {
        Filter filter = and();
        while (accept(Kind.OR)) {
            filter = new Filter.Or(filter, and());
        }
        return filter;
    }

    private Filter and() {
        Filter filter = primary();
        while (accept(Kind.AND)) {
            filter = new Filter.And(filter, primary());
        }
        return filter;
    }

    private Filter primary() {
        Token open = peek();
        if (!accept(Kind.LEFT_PAREN)) {
            return condition(property());
        }
        if (++nesting > MAX_NESTING) {
            throw new FilterSyntaxException("parentheses nested deeper than " + MAX_NESTING, open.position());
        }
        Filter inner = or();
        nesting--;
        expect(Kind.RIGHT_PAREN, "expected ')' to close the '(' at position " + open.position());
        return inner;
    }

    private Property property() {
        Token name = advance();
        if (name.kind() == Kind.NAME) {
            int dot = name.value().lastIndexOf('.');
            Optional<ValueType> accessor =
                    dot < 0 ? Optional.empty() : ValueType.ofField(name.value().substring(dot + 1));
            return accessor.map(type -> Property.typed(name.value().substring(0, dot), type))
                    .orElseGet(() -> Property.named(name.value()));
        }
        if (name.kind() != Kind.QUOTED_NAME) {
            throw new FilterSyntaxException("expected a property name but found " + name.shown(), name.position());
        }
        if (!accept(Kind.DOT)) {
            return Property.named(name.value());
        }
        Token accessor = advance();
        return ValueType.ofField(accessor.value())
                .filter(type -> accessor.kind() == Kind.NAME)
                .map(type -> Property.typed(name.value(), type))
                .orElseThrow(() -> new FilterSyntaxException(
                        "expected string_value, int_value, double_value or bool_value but found " + accessor.shown(),
                        accessor.position()));
    }

    private Filter condition(Property property) {
        Token op = advance();
        if (op.kind() == Kind.IN) {
            return new Filter.InList(property, inList());
        }
        Operator operator = operator(op);
        Token at = peek();
        Literal value = value("expected a value after " + op.shown());
        if ((operator == Operator.LIKE || operator == Operator.ILIKE) && !(value instanceof Literal.Text)) {
            throw new FilterSyntaxException(
                    op.source() + " needs a quoted pattern but found " + at.shown(), at.position());
        }
        return new Filter.Comparison(property, operator, value);
    }

    private Operator operator(Token op) {
        return switch (op.kind()) {
            case LIKE -> Operator.LIKE;
            case ILIKE -> Operator.ILIKE;
            case OPERATOR ->
                switch (op.value()) {
                    case "=" -> Operator.EQ;
                    case "!=", "<>" -> Operator.NE;
                    case ">" -> Operator.GT;
                    case "<" -> Operator.LT;
                    case ">=" -> Operator.GE;
                    default -> Operator.LE;
                };
            default ->
                throw new FilterSyntaxException(
                        "expected an operator (=, !=, <>, >, <, >=, <=, LIKE, ILIKE, IN) but found " + op.shown(),
                        op.position());
        };
    }

    private List<Literal> inList() {
        expect(Kind.LEFT_PAREN, "expected '(' after IN");
        List<Literal> values = new ArrayList<>();
        do {
            values.add(value("expected a value in the IN list"));
        } while (accept(Kind.COMMA));
        expect(Kind.RIGHT_PAREN, "expected ',' or ')' in the IN list");
        return values;
    }

    private Literal value(String expected) {
        Token token = advance();
        return switch (token.kind()) {
            case STRING -> new Literal.Text(token.value());
            case INTEGER -> new Literal.Int(Numbers.integer(token));
            case DECIMAL -> new Literal.Decimal(Numbers.decimal(token));
            case TRUE -> new Literal.Bool(true);
            case FALSE -> new Literal.Bool(false);
            case NAME ->
                throw new FilterSyntaxException(
                        expected + " but found " + token.shown() + " (strings need quotes)", token.position());
            default -> throw new FilterSyntaxException(expected + " but found " + token.shown(), token.position());
        };
    }

    private void expect(Kind kind, String expected) {
        Token token = advance();
        if (token.kind() != kind) {
            throw new FilterSyntaxException(expected + " but found " + token.shown(), token.position());
        }
    }

    private boolean accept(Kind kind) {
        if (peek().kind() != kind) {
            return false;
        }
        next++;
        return true;
    }

    private Token advance() {
        Token token = peek();
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }
}
