/**
 * Settings from command-line flags, {@code TRESTLE_*} environment variables, a properties file
 * and declared defaults, checked against each setting's kind; the core settings; the help text.
 *
 * <pre>{@code
 * RawSettings raw = RawSettings.parse(args, System.getenv());
 * Config config = raw.resolve(CoreSettings.ALL);
 * Duration grace = CoreSettings.limits(config).shutdownGrace();
 * }</pre>
 *
 * @see io.trestle.config.RawSettings for the flag syntax and the precedence of the sources
 */
package io.trestle.config;
