// check_stubs: shell
package hudson.remoting;

public interface VirtualChannel {
}
