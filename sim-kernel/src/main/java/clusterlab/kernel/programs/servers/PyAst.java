package clusterlab.kernel.programs.servers;

import java.util.List;
import java.util.Map;

/** The statements and expressions of the Python subset the simulated interpreter runs. */
final class PyAst {
    private PyAst() {}

    sealed interface Stmt permits Import, FromImport, Assign, ExprStmt, Def, Return, If, Pass {
        int line();
    }

    /** {@code import a, b as c}: (module, bound name) pairs. */
    record Import(int line, List<String[]> modules) implements Stmt {}

    record FromImport(int line, String module, List<String> names) implements Stmt {}

    record Assign(int line, String target, Expr value) implements Stmt {}

    record ExprStmt(int line, Expr value) implements Stmt {}

    record Def(int line, String name, List<Expr> decorators, List<Stmt> body) implements Stmt {}

    record Return(int line, Expr value) implements Stmt {}

    record If(int line, Expr condition, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

    record Pass(int line) implements Stmt {}

    sealed interface Expr permits Str, FStr, Num, Name, Attr, Call, ListLit, BinOp, Compare, Const, Subscript {}

    record Str(String value) implements Expr {}

    /** An f-string: literal text and expressions, in order. */
    record FStr(List<Object> parts) implements Expr {}

    record Num(long value) implements Expr {}

    record Name(String id) implements Expr {}

    record Attr(Expr object, String name) implements Expr {}

    record Call(Expr function, List<Expr> args, Map<String, Expr> kwargs) implements Expr {}

    record ListLit(List<Expr> items) implements Expr {}

    record BinOp(Expr left, String op, Expr right) implements Expr {}

    record Compare(Expr left, String op, Expr right) implements Expr {}

    /** True, False, None. */
    record Const(Object value) implements Expr {}

    record Subscript(Expr object, Expr index) implements Expr {}
}
