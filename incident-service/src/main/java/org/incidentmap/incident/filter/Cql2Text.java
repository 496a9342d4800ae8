package org.incidentmap.incident.filter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** CQL2 text to a checked {@link Expression}, through the ANTLR grammar {@code Cql2.g4}. */
public final class Cql2Text {

    /** Deeper nesting than this is refused before parsing, so no filter can exhaust the parser's stack. */
    static final int MAX_DEPTH = 64;

    private Cql2Text() {
    }

    public static Expression parse(String text) {
        var lexer = new Cql2Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FAIL);
        var tokens = new CommonTokenStream(lexer);
        tokens.fill();
        limitDepth(tokens.getTokens());
        var parser = new Cql2Parser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(FAIL);
        return new Builder().visitFilter(parser.filter());
    }

    private static void limitDepth(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.getType() == Cql2Lexer.LPAREN || t.getType() == Cql2Lexer.NOT) {
                depth++;
            } else if (t.getType() == Cql2Lexer.RPAREN) {
                depth--;
            }
            if (depth > MAX_DEPTH) {
                throw new Cql2Exception(t.getStartIndex() + 1, "the filter nests deeper than " + MAX_DEPTH
                        + " parentheses and NOTs");
            }
        }
    }

    /** The first syntax error ends the parse; ANTLR's message names what it expected. */
    private static final BaseErrorListener FAIL = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String message, RecognitionException e) {
            int at = offendingSymbol instanceof Token t && t.getStartIndex() >= 0 ? t.getStartIndex() + 1
                    : offset(recognizer, line, column);
            throw new Cql2Exception(at, message);
        }

        private static int offset(Recognizer<?, ?> recognizer, int line, int column) {
            String text = recognizer.getInputStream().toString();
            int at = 0;
            for (int l = 1; l < line; l++) {
                at = text.indexOf('\n', at) + 1;
            }
            return at + column + 1;
        }
    };

    private static int at(ParserRuleContext ctx) {
        return ctx.getStart().getStartIndex() + 1;
    }

    private static int at(Token token) {
        return token.getStartIndex() + 1;
    }

    /** Builds the expression bottom-up, checking each node as it is made. */
    private static final class Builder extends Cql2BaseVisitor<Object> {

        @Override
        public Expression visitFilter(Cql2Parser.FilterContext ctx) {
            return (Expression) visit(ctx.booleanExpression());
        }

        @Override
        public Expression visitNot(Cql2Parser.NotContext ctx) {
            return new Expression.Not((Expression) visit(ctx.booleanExpression()));
        }

        @Override
        public Expression visitAnd(Cql2Parser.AndContext ctx) {
            return new Expression.And((Expression) visit(ctx.booleanExpression(0)), (Expression) visit(ctx.booleanExpression(1)));
        }

        @Override
        public Expression visitOr(Cql2Parser.OrContext ctx) {
            return new Expression.Or((Expression) visit(ctx.booleanExpression(0)), (Expression) visit(ctx.booleanExpression(1)));
        }

        @Override
        public Expression visitGrouped(Cql2Parser.GroupedContext ctx) {
            return (Expression) visit(ctx.booleanExpression());
        }

        @Override
        public Expression visitAtom(Cql2Parser.AtomContext ctx) {
            return (Expression) visit(ctx.predicate());
        }

        @Override
        public Expression visitComparison(Cql2Parser.ComparisonContext ctx) {
            return Checks.comparison(scalar(ctx.scalar(0)), ctx.op.getText(), scalar(ctx.scalar(1)), at(ctx.op));
        }

        @Override
        public Expression visitLike(Cql2Parser.LikeContext ctx) {
            return Checks.like(scalar(ctx.scalar(0)), scalar(ctx.scalar(1)), ctx.NOT() != null, at(ctx.LIKE().getSymbol()));
        }

        @Override
        public Expression visitBetween(Cql2Parser.BetweenContext ctx) {
            return Checks.between(scalar(ctx.scalar(0)), scalar(ctx.scalar(1)), scalar(ctx.scalar(2)), ctx.NOT() != null,
                    at(ctx.BETWEEN().getSymbol()));
        }

        @Override
        public Expression visitIn(Cql2Parser.InContext ctx) {
            List<Operand> list = new ArrayList<>();
            for (int k = 1; k < ctx.scalar().size(); k++) {
                list.add(scalar(ctx.scalar(k)));
            }
            return Checks.in(scalar(ctx.scalar(0)), list, ctx.NOT() != null, at(ctx.IN().getSymbol()));
        }

        @Override
        public Expression visitIsNull(Cql2Parser.IsNullContext ctx) {
            return new Expression.IsNull(scalar(ctx.scalar()), ctx.NOT() != null);
        }

        @Override
        public Expression visitSpatialPredicate(Cql2Parser.SpatialPredicateContext ctx) {
            return new Expression.SpatialPredicate(SpatialRelation.named(ctx.op.getText()),
                    (Spatial) visit(ctx.spatial(0)), (Spatial) visit(ctx.spatial(1)));
        }

        @Override
        public Expression visitTemporalPredicate(Cql2Parser.TemporalPredicateContext ctx) {
            return new Expression.Temporal(TemporalRelation.named(ctx.TEMPORAL_FUNCTION().getText()),
                    (Period) visit(ctx.temporal(0)), (Period) visit(ctx.temporal(1)));
        }

        @Override
        public Expression visitConstant(Cql2Parser.ConstantContext ctx) {
            return new Expression.Constant(ctx.TRUE() != null);
        }

        private Operand scalar(Cql2Parser.ScalarContext ctx) {
            return (Operand) visit(ctx);
        }

        @Override
        public Operand visitPropertyOperand(Cql2Parser.PropertyOperandContext ctx) {
            return Checks.scalarProperty(name(ctx.property()), at(ctx));
        }

        @Override
        public Operand visitStringLiteral(Cql2Parser.StringLiteralContext ctx) {
            return Operand.Literal.of(string(ctx.STRING().getSymbol()));
        }

        @Override
        public Operand visitNumberLiteral(Cql2Parser.NumberLiteralContext ctx) {
            return Checks.number(ctx.number().getText(), at(ctx));
        }

        @Override
        public Operand visitBooleanLiteral(Cql2Parser.BooleanLiteralContext ctx) {
            return Operand.Literal.of(ctx.TRUE() != null);
        }

        @Override
        public Operand visitInstantLiteral(Cql2Parser.InstantLiteralContext ctx) {
            return Operand.Literal.of(instant(ctx.instant()));
        }

        @Override
        public Spatial visitSpatialProperty(Cql2Parser.SpatialPropertyContext ctx) {
            return Checks.spatialProperty(name(ctx.property()), at(ctx));
        }

        @Override
        public Spatial visitPoint(Cql2Parser.PointContext ctx) {
            return Spatial.Shape.point(coordinate(ctx.coordinate()));
        }

        @Override
        public Spatial visitPolygon(Cql2Parser.PolygonContext ctx) {
            List<List<double[]>> rings = new ArrayList<>();
            for (var ring : ctx.ring()) {
                rings.add(ring.coordinate().stream().map(this::coordinate).toList());
            }
            return Checks.polygon(rings, at(ctx));
        }

        @Override
        public Spatial visitBbox(Cql2Parser.BboxContext ctx) {
            return Checks.bbox(number(ctx.number(0)), number(ctx.number(1)), number(ctx.number(2)), number(ctx.number(3)),
                    at(ctx));
        }

        private double[] coordinate(Cql2Parser.CoordinateContext ctx) {
            return Checks.position(number(ctx.number(0)), number(ctx.number(1)), at(ctx));
        }

        private static double number(Cql2Parser.NumberContext ctx) {
            return Double.parseDouble(ctx.getText());
        }

        @Override
        public Period visitTemporalProperty(Cql2Parser.TemporalPropertyContext ctx) {
            return Checks.temporalProperty(name(ctx.property()), at(ctx));
        }

        @Override
        public Period visitTemporalInstant(Cql2Parser.TemporalInstantContext ctx) {
            LocalDate day = instant(ctx.instant());
            return new Period.Days(day, day);
        }

        @Override
        public Period visitInterval(Cql2Parser.IntervalContext ctx) {
            return Checks.interval(end(ctx.intervalEnd(0)), end(ctx.intervalEnd(1)), at(ctx));
        }

        /** Null for the open end '..'. */
        private static LocalDate end(Cql2Parser.IntervalEndContext ctx) {
            if (ctx.instant() != null) {
                return instant(ctx.instant());
            }
            String text = string(ctx.STRING().getSymbol());
            if (text.equals("..")) {
                return null;
            }
            return text.length() == 10 ? Checks.date(text, at(ctx)) : Checks.timestamp(text, at(ctx));
        }

        private static LocalDate instant(Cql2Parser.InstantContext ctx) {
            if (ctx instanceof Cql2Parser.DateContext date) {
                return Checks.date(string(date.STRING().getSymbol()), at(date.STRING().getSymbol()));
            }
            var timestamp = (Cql2Parser.TimestampContext) ctx;
            return Checks.timestamp(string(timestamp.STRING().getSymbol()), at(timestamp.STRING().getSymbol()));
        }

        private static String name(Cql2Parser.PropertyContext ctx) {
            String text = ctx.getText();
            return ctx.QUOTED_IDENTIFIER() != null ? text.substring(1, text.length() - 1) : text;
        }

        private static String string(Token token) {
            String text = token.getText();
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
    }
}
