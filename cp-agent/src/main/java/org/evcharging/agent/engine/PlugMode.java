package org.evcharging.agent.engine;

/** When the vehicle counts as plugged in, i.e. when an authorized supply starts to flow. */
public enum PlugMode {
    /** As soon as Central authorizes the supply, so unattended runs charge. */
    AUTO,
    /** When the operator chooses "plug in" on the Engine's menu. */
    MANUAL
}
