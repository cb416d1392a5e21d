// check_stubs: shell
package hudson.model;

/** The runtime serves no remote API. */
public class Api {
    public Api(Object bean) {
    }
}
