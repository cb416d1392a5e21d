// check_stubs: shell
package hudson.model;

/** Only named as a type (the parent a Job is created in). */
public interface ItemGroup<T extends Item> {
}
