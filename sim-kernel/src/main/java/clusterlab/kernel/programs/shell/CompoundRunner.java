package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.Body;
import clusterlab.kernel.programs.shell.Ast.CmdSub;
import clusterlab.kernel.programs.shell.Ast.For;
import clusterlab.kernel.programs.shell.Ast.Group;
import clusterlab.kernel.programs.shell.Ast.If;
import clusterlab.kernel.programs.shell.Ast.Loop;
import clusterlab.kernel.programs.shell.Ast.Script;
import clusterlab.kernel.programs.shell.Ast.Subshell;
import clusterlab.kernel.programs.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Runs groups, subshells, if, while/until and for, in continuation-passing style. */
final class CompoundRunner {
    private final Interpreter it;

    CompoundRunner(Interpreter it) {
        this.it = it;
    }

    void run(Body body, Io io, IntConsumer k) {
        if (body instanceof Group g) {
            it.runScript(g.script(), io, k);
        } else if (body instanceof Subshell s) {
                String cwd = it.session.ctx.cwd();
                boolean[] done = {false};
                IntConsumer finished = status -> {
                    if (!done[0]) {
                        done[0] = true;
                        it.restoreCwd(cwd);
                        it.finishWith(status, k);
                    }
                };
                it.subshell(finished).runScript(s.script(), io, finished);
        } else if (body instanceof If i) {
            runIf(i, 0, io, k);
        } else if (body instanceof Loop l) {
            runLoop(l, io, 0, k);
        } else if (body instanceof For f) {
            runFor(f, io, k);
        }
    }

    private void runIf(If node, int branch, Io io, IntConsumer k) {
        if (branch >= node.conditions().size()) {
            if (node.elseBody() != null) {
                it.runScript(node.elseBody(), io, k);
            } else {
                it.finishWith(0, k);
            }
            return;
        }
        runCondition(node.conditions().get(branch), io, status -> {
            if (status == 0) {
                it.runScript(node.bodies().get(branch), io, k);
            } else {
                runIf(node, branch + 1, io, k);
            }
        });
    }

    private void runLoop(Loop loop, Io io, int lastBodyStatus, IntConsumer k) {
        runCondition(loop.condition(), io, status -> {
            if ((status == 0) == loop.until()) {
                it.finishWith(lastBodyStatus, k);
                return;
            }
            it.runScript(loop.body(), io, bodyStatus -> runLoop(loop, io, bodyStatus, k));
        });
    }

    private void runCondition(Script condition, Io io, IntConsumer k) {
        it.enterCondition();
        it.runScript(condition, io, status -> {
            it.leaveCondition();
            k.accept(status);
        });
    }

    private void runFor(For node, Io io, IntConsumer k) {
        List<Word> words = node.words();
        if (words == null) {
            iterate(node, new ArrayList<>(it.state.positional), 0, io, 0, k);
            return;
        }
        List<CmdSub> subs = new ArrayList<>();
        for (Word w : words) {
            Expander.collect(w, subs);
        }
        Map<CmdSub, String> results = Expander.newResults();
        it.substitute(subs, 0, io, results, subStatus -> {
            List<String> values;
            try {
                values = new Expander(it.state, results)
                        .withGlob(new Glob(it.session.ctx.fs(), it.session.ctx.cwd())).fields(words);
            } catch (Expander.ExpansionError e) {
                it.session.error(io.err(), e.getMessage());
                it.finishWith(1, k);
                return;
            }
            iterate(node, values, 0, io, 0, k);
        });
    }

    private void iterate(For node, List<String> values, int index, Io io, int lastStatus, IntConsumer k) {
        if (index >= values.size()) {
            it.finishWith(lastStatus, k);
            return;
        }
        it.state.set(node.name(), values.get(index));
        it.runScript(node.body(), io, status -> iterate(node, values, index + 1, io, status, k));
    }
}
