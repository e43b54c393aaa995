package clusterlab.runtime.cli.format;

import clusterlab.runtime.cli.format.TemplateFunction.Failure;
import java.util.List;

/** text/template's comparison builtins (eq, lt, le) on the simulator's value shapes. */
final class GoCompare {

    private enum Kind { INVALID, BOOL, INT, FLOAT, STRING }

    private GoCompare() {
    }

    private static Kind kind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        } else if (GoValues.isInteger(v)) {
            return Kind.INT;
        } else if (GoValues.isFloat(v)) {
            return Kind.FLOAT;
        } else if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.INVALID;
    }

    private static boolean isNil(Object v) {
        return v == null || v == GoValues.MISSING || v == GoValues.NULL;
    }

    static boolean eq(Object arg1, List<Object> others) {
        if (others.isEmpty()) {
            throw new Failure("missing argument for comparison");
        }
        Kind k1 = kind(arg1);
        for (Object arg : others) {
            Kind k2 = kind(arg);
            boolean truth;
            if (k1 != k2) {
                if (!isNil(arg1) && !isNil(arg)) {
                    throw new Failure("incompatible types for comparison");
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL, STRING -> arg1.equals(arg);
                    case INT -> ((Number) arg1).longValue() == ((Number) arg).longValue();
                    case FLOAT -> ((Number) arg1).doubleValue() == ((Number) arg).doubleValue();
                    case INVALID -> {
                        if (isNil(arg1) || isNil(arg)) {
                            yield isNil(arg1) == isNil(arg);
                        }
                        throw new Failure("non-comparable type " + GoValues.print(arg) + ": " + GoValues.typeName(arg));
                    }
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object arg1, Object arg2) {
        Kind k1 = kind(arg1);
        Kind k2 = kind(arg2);
        if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
            throw new Failure("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new Failure("incompatible types for comparison");
        }
        return switch (k1) {
            case INT -> ((Number) arg1).longValue() < ((Number) arg2).longValue();
            case FLOAT -> ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
            case STRING -> GoValues.compareStrings((String) arg1, (String) arg2) < 0;
            default -> throw new Failure("invalid type for comparison");
        };
    }

    static boolean le(Object arg1, Object arg2) {
        return lt(arg1, arg2) || eq(arg1, List.of(arg2));
    }
}
