package dev.baton.cli;

import dev.baton.execute.Budget;
import dev.baton.server.ServerLimits;
import dev.baton.worker.Price;
import java.util.ListResourceBundle;

/**
 * The texts {@code baton serve --help} fills in at run time: the defaults of the budget flags and of {@code --max-concurrent}, read from
 * {@link ServerLimits#defaults()} so the help cannot drift from what the server does. {@link BudgetOptions} refers to
 * them as {@code ${bundle:default.max-calls:-}}; a command without this bundle ({@code ask}) shows nothing there.
 */
public final class ServeHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        Budget limits = ServerLimits.defaults().budget();
        return new Object[][] {
            {"default.max-calls", " Default: " + limits.maxCalls() + "."},
            {"default.max-usd", " Default: " + Price.listed(limits.maxCostUsd()) + "."},
            {"default.timeout", " Default: " + limits.deadline().toSeconds() + "."},
            {"default.max-concurrent", " Default: " + ServerLimits.defaults().maxConcurrent() + "."},
        };
    }
}
