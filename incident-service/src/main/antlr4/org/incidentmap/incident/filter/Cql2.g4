/*
 * The subset of CQL2 text (OGC 21-065r2) that incident lists accept: comparisons, AND/OR/NOT,
 * LIKE, BETWEEN, IN, IS NULL, S_INTERSECTS and S_WITHIN with POINT, POLYGON and BBOX literals, and the
 * temporal functions over DATE, TIMESTAMP and INTERVAL literals. Keywords are case-insensitive,
 * property names are not (the visitor matches them against the queryables).
 */
grammar Cql2;

options { caseInsensitive = true; }

filter
    : booleanExpression EOF
    ;

// Earlier alternatives bind tighter: NOT before AND before OR.
booleanExpression
    : NOT booleanExpression                                    # not
    | booleanExpression AND booleanExpression                  # and
    | booleanExpression OR booleanExpression                   # or
    | LPAREN booleanExpression RPAREN                          # grouped
    | predicate                                                # atom
    ;

predicate
    : scalar op=(EQ | NE | LT | LE | GT | GE) scalar           # comparison
    | scalar NOT? LIKE scalar                                  # like
    | scalar NOT? BETWEEN scalar AND scalar                    # between
    | scalar NOT? IN LPAREN scalar (COMMA scalar)* RPAREN      # in
    | scalar IS NOT? NULL                                      # isNull
    | op=(S_INTERSECTS | S_WITHIN) LPAREN spatial COMMA spatial RPAREN  # spatialPredicate
    | TEMPORAL_FUNCTION LPAREN temporal COMMA temporal RPAREN  # temporalPredicate
    | (TRUE | FALSE)                                           # constant
    ;

scalar
    : property                                                 # propertyOperand
    | STRING                                                   # stringLiteral
    | number                                                   # numberLiteral
    | (TRUE | FALSE)                                           # booleanLiteral
    | instant                                                  # instantLiteral
    ;

spatial
    : property                                                 # spatialProperty
    | POINT LPAREN coordinate RPAREN                           # point
    | POLYGON LPAREN ring (COMMA ring)* RPAREN                  # polygon
    | BBOX LPAREN number COMMA number COMMA number COMMA number RPAREN  # bbox
    ;

ring
    : LPAREN coordinate (COMMA coordinate)* RPAREN
    ;

coordinate
    : number number
    ;

temporal
    : property                                                 # temporalProperty
    | instant                                                  # temporalInstant
    | INTERVAL LPAREN intervalEnd COMMA intervalEnd RPAREN     # interval
    ;

instant
    : DATE LPAREN STRING RPAREN                                # date
    | TIMESTAMP LPAREN STRING RPAREN                           # timestamp
    ;

// '..' is an open end
intervalEnd
    : STRING
    | instant
    ;

number
    : MINUS? NUMBER
    ;

property
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    ;

EQ : '=' ;
NE : '<>' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;
MINUS : '-' ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
DATE : 'DATE' ;
TIMESTAMP : 'TIMESTAMP' ;
INTERVAL : 'INTERVAL' ;
POINT : 'POINT' ;
POLYGON : 'POLYGON' ;
BBOX : 'BBOX' ;
S_INTERSECTS : 'S_INTERSECTS' ;
S_WITHIN : 'S_WITHIN' ;
TEMPORAL_FUNCTION
    : 'T_AFTER' | 'T_BEFORE' | 'T_CONTAINS' | 'T_DISJOINT' | 'T_DURING' | 'T_EQUALS' | 'T_FINISHEDBY'
    | 'T_FINISHES' | 'T_INTERSECTS' | 'T_MEETS' | 'T_METBY' | 'T_OVERLAPPEDBY' | 'T_OVERLAPS'
    | 'T_STARTEDBY' | 'T_STARTS'
    ;

NUMBER
    : [0-9]+ ('.' [0-9]*)? ('E' [+-]? [0-9]+)?
    | '.' [0-9]+ ('E' [+-]? [0-9]+)?
    ;
// '' inside a string is one quote
STRING : '\'' (~'\'' | '\'\'')* '\'' ;
IDENTIFIER : [A-Z_] [A-Z_0-9.:]* ;
QUOTED_IDENTIFIER : '"' ~'"'+ '"' ;

WS : [ \t\r\n]+ -> skip ;
