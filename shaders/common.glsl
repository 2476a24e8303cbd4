// Shared by every compute shader.

// Workgroups are laid out linearly over x and y (the host splits counts that
// exceed the device's x limit); this is the workgroup's linear index.
uint linear_workgroup() {
    return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
}
