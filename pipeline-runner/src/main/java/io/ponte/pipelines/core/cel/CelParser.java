package io.ponte.pipelines.core.cel;

import io.ponte.pipelines.core.cel.CelLexer.Token;
import io.ponte.pipelines.core.cel.CelLexer.Type;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser of the CEL subset; builds closures that evaluate with {@link CelOps}. */
final class CelParser {

    private final String source;
    private final List<Token> tokens;
    private int pos;

    CelParser(String source) {
        this.source = source;
        this.tokens = CelLexer.tokens(source);
    }

    CelExpr parse() {
        CelExpr e = ternary();
        if (peek().type() != Type.END) {
            throw error("unexpected '" + peek().text() + "'");
        }
        return e;
    }

    private CelExpr ternary() {
        CelExpr cond = or();
        if (accept("?")) {
            CelExpr then = ternary();
            expect(":");
            CelExpr otherwise = ternary();
            return v -> CelOps.truth(cond.eval(v)) ? then.eval(v) : otherwise.eval(v);
        }
        return cond;
    }

    private CelExpr or() {
        CelExpr left = and();
        while (accept("||")) {
            CelExpr l = left;
            CelExpr r = and();
            left = v -> CelOps.truth(l.eval(v)) || CelOps.truth(r.eval(v));
        }
        return left;
    }

    private CelExpr and() {
        CelExpr left = relation();
        while (accept("&&")) {
            CelExpr l = left;
            CelExpr r = relation();
            left = v -> CelOps.truth(l.eval(v)) && CelOps.truth(r.eval(v));
        }
        return left;
    }

    private CelExpr relation() {
        CelExpr left = additive();
        Token t = peek();
        if (t.type() == Type.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text())
                || t.type() == Type.IDENT && t.text().equals("in")) {
            pos++;
            CelExpr l = left;
            CelExpr r = additive();
            String op = t.text();
            return v -> CelOps.relation(op, l.eval(v), r.eval(v));
        }
        return left;
    }

    private CelExpr additive() {
        CelExpr left = multiplicative();
        while (peek().type() == Type.OP
                && (peek().text().equals("+") || peek().text().equals("-"))) {
            String op = next().text();
            CelExpr l = left;
            CelExpr r = multiplicative();
            left = v -> CelOps.arithmetic(op, l.eval(v), r.eval(v));
        }
        return left;
    }

    private CelExpr multiplicative() {
        CelExpr left = unary();
        while (peek().type() == Type.OP && List.of("*", "/", "%").contains(peek().text())) {
            String op = next().text();
            CelExpr l = left;
            CelExpr r = unary();
            left = v -> CelOps.arithmetic(op, l.eval(v), r.eval(v));
        }
        return left;
    }

    private CelExpr unary() {
        if (accept("!")) {
            CelExpr e = unary();
            return v -> !CelOps.truth(e.eval(v));
        }
        if (accept("-")) {
            CelExpr e = unary();
            return v -> CelOps.arithmetic("-", 0L, e.eval(v));
        }
        return member();
    }

    private CelExpr member() {
        CelExpr e = primary();
        while (true) {
            if (accept(".")) {
                Token name = expectIdent();
                if (accept("(")) {
                    List<CelExpr> args = arguments();
                    CelExpr target = e;
                    e = v -> CelOps.method(
                            name.text(),
                            target.eval(v),
                            args.stream().map(a -> a.eval(v)).toList());
                } else {
                    CelExpr target = e;
                    e = v -> CelOps.select(target.eval(v), name.text());
                }
            } else if (accept("[")) {
                CelExpr index = ternary();
                expect("]");
                CelExpr target = e;
                e = v -> CelOps.index(target.eval(v), index.eval(v));
            } else {
                return e;
            }
        }
    }

    private CelExpr primary() {
        Token t = next();
        switch (t.type()) {
            case STRING:
                return v -> t.text();
            case INT: {
                long n = Long.parseLong(t.text());
                return v -> n;
            }
            case DOUBLE: {
                double d = Double.parseDouble(t.text());
                return v -> d;
            }
            case IDENT:
                return identifier(t);
            case OP:
                if (t.text().equals("(")) {
                    CelExpr e = ternary();
                    expect(")");
                    return e;
                }
                if (t.text().equals("[")) {
                    List<CelExpr> items = new ArrayList<>();
                    if (!accept("]")) {
                        do {
                            items.add(ternary());
                        } while (accept(","));
                        expect("]");
                    }
                    return v -> items.stream().map(i -> i.eval(v)).toList();
                }
                throw new CelException("unexpected '" + t.text() + "' at position " + t.position() + " in " + source);
            default:
                throw error("the expression ends too early");
        }
    }

    private CelExpr identifier(Token t) {
        switch (t.text()) {
            case "true":
                return v -> Boolean.TRUE;
            case "false":
                return v -> Boolean.FALSE;
            case "null":
                return v -> null;
            default:
                break;
        }
        if (accept("(")) {
            List<CelExpr> args = arguments();
            return v ->
                    CelOps.function(t.text(), args.stream().map(a -> a.eval(v)).toList());
        }
        String name = t.text();
        return v -> {
            if (!v.containsKey(name)) {
                throw new CelException("undeclared reference to '" + name + "'");
            }
            return v.get(name);
        };
    }

    private List<CelExpr> arguments() {
        List<CelExpr> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(ternary());
            } while (accept(","));
            expect(")");
        }
        return args;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    private boolean accept(String op) {
        Token t = peek();
        if (t.type() == Type.OP && t.text().equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) {
            throw error("expected '" + op + "'");
        }
    }

    private Token expectIdent() {
        Token t = next();
        if (t.type() != Type.IDENT) {
            throw new CelException("expected a name at position " + t.position() + " in " + source);
        }
        return t;
    }

    private CelException error(String message) {
        return new CelException(message + " at position " + peek().position() + " in " + source);
    }
}
