package dev.baton.cli;

public final class BatonCli {
    public static void main(String[] args) {
    }
}
