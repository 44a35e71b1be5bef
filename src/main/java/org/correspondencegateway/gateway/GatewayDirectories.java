package org.correspondencegateway.gateway;

import java.nio.file.Path;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;

/**
 * James's directories for the embedded gateway: {@code file://var/} is the data directory itself, and
 * James reads the configuration generated into {@code <data>/james-conf/}.
 */
record GatewayDirectories(Path dataDirectory) implements JamesDirectoriesProvider {

    GatewayDirectories {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** Where the generated James configuration is written. */
    Path jamesConfiguration() {
        return dataDirectory.resolve("james-conf");
    }

    @Override
    public String getAbsoluteDirectory() {
        return "/";
    }

    @Override
    public String getConfDirectory() {
        return jamesConfiguration() + "/";
    }

    @Override
    public String getVarDirectory() {
        return dataDirectory + "/";
    }

    @Override
    public String getRootDirectory() {
        return dataDirectory.toString();
    }
}
