package dev.baton.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BatonCli.class.getPackage().getImplementationVersion();
        return new String[] {"baton " + (version == null ? "(development build)" : version)};
    }
}
