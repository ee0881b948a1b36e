/** JSON plumbing shared by the modules that read and write JSON on many threads at once. */
package dev.baton.json;
