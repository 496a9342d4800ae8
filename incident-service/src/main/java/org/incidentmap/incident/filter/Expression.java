package org.incidentmap.incident.filter;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed, type-checked CQL2 filter. It renders itself as a condition over the incident view
 * {@code i} with its values bound as parameters after those already in the tuple, so the same
 * filter can be rendered into the count and the page of one listing.
 */
public sealed interface Expression {

    /** The condition as SQL; its values are appended to {@code params} and referenced as {@code $n}. */
    String sql(Tuple params);

    /** Whether the filter says anything about the queryable {@code name} anywhere in it. */
    default boolean names(String name) {
        if (this instanceof And a) {
            return a.left.names(name) || a.right.names(name);
        } else if (this instanceof Or o) {
            return o.left.names(name) || o.right.names(name);
        } else if (this instanceof Not n) {
            return n.operand.names(name);
        } else if (this instanceof Comparison c) {
            return named(c.left, name) || named(c.right, name);
        } else if (this instanceof Like l) {
            return named(l.value, name) || named(l.pattern, name);
        } else if (this instanceof Between b) {
            return named(b.value, name) || named(b.low, name) || named(b.high, name);
        } else if (this instanceof In i) {
            return named(i.value, name) || i.list.stream().anyMatch(o -> named(o, name));
        } else if (this instanceof IsNull i) {
            return named(i.value, name);
        } else if (this instanceof SpatialPredicate p) {
            return named(p.left, name) || named(p.right, name);
        } else if (this instanceof Temporal t) {
            return named(t.left, name) || named(t.right, name);
        }
        return false;
    }

    private static boolean named(Operand operand, String name) {
        return operand instanceof Operand.Property p && p.queryable().name().equals(name);
    }

    private static boolean named(Spatial operand, String name) {
        return operand instanceof Spatial.Property p && p.queryable().name().equals(name);
    }

    private static boolean named(Period operand, String name) {
        return operand instanceof Period.Property p && p.queryable().name().equals(name);
    }

    record And(Expression left, Expression right) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + left.sql(params) + " AND " + right.sql(params) + ")";
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + left.sql(params) + " OR " + right.sql(params) + ")";
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(NOT " + operand.sql(params) + ")";
        }
    }

    record Constant(boolean value) implements Expression {
        @Override
        public String sql(Tuple params) {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** {@code operator} is one of = <> < <= > >=, the same in SQL. */
    record Comparison(Operand left, String operator, Operand right) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + left.sql(params) + " " + operator + " " + right.sql(params) + ")";
        }
    }

    /** CQL2's wildcards % and _ and its escape \ are LIKE's own in PostgreSQL. */
    record Like(Operand value, Operand pattern, boolean negated) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + value.sql(params) + (negated ? " NOT LIKE " : " LIKE ") + pattern.sql(params) + ")";
        }
    }

    record Between(Operand value, Operand low, Operand high, boolean negated) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + value.sql(params) + (negated ? " NOT BETWEEN " : " BETWEEN ") + low.sql(params)
                    + " AND " + high.sql(params) + ")";
        }
    }

    record In(Operand value, List<Operand> list, boolean negated) implements Expression {
        @Override
        public String sql(Tuple params) {
            String item = value.sql(params);
            return "(" + item + (negated ? " NOT IN (" : " IN (")
                    + list.stream().map(o -> o.sql(params)).collect(Collectors.joining(", ")) + "))";
        }
    }

    record IsNull(Operand value, boolean negated) implements Expression {
        @Override
        public String sql(Tuple params) {
            return "(" + value.sql(params) + (negated ? " IS NOT NULL)" : " IS NULL)");
        }
    }

    /** S_INTERSECTS or S_WITHIN; both PostGIS functions use the geometry's GiST index. */
    record SpatialPredicate(SpatialRelation relation, Spatial left, Spatial right) implements Expression {
        @Override
        public String sql(Tuple params) {
            String a = left.sql(params);
            return relation.function() + "(" + a + ", " + right.sql(params) + ")";
        }
    }

    record Temporal(TemporalRelation relation, Period left, Period right) implements Expression {
        @Override
        public String sql(Tuple params) {
            String[] a = left.sql(params);
            return relation.sql(a, right.sql(params));
        }
    }
}
