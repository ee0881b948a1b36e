/** The embedded SQLite store. */
package dev.baton.store;
