/**
 * The family of exceptions for bad input: everything a user can get wrong, as opposed to bugs in Baton.
 * {@link dev.baton.input.BadInputException} is the base every module's bad-input exception extends.
 */
package dev.baton.input;
