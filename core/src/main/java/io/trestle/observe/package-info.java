/**
 * Observing a running server without importing its internals: completed exchanges, connections,
 * plugin deployments and the route table, delivered to {@link io.trestle.observe.ServerObserver}s.
 * The access log is one such observer; metrics and API documents are others.
 */
package io.trestle.observe;
