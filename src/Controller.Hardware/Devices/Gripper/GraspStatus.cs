namespace Controller.Hardware.Devices.Gripper;

/// <summary>What the gripper's fingers are doing, as the device reports it (Robotiq gOBJ, Franka Hand "is_grasped").</summary>
public enum GraspStatus
{
    /// <summary>Fingers moving towards the commanded width.</summary>
    Moving,

    /// <summary>At the commanded width; nothing caught.</summary>
    AtTarget,

    /// <summary>Stopped by an object before the commanded width while closing, holding it with the commanded force.</summary>
    Grasped,

    /// <summary>An object that was held is gone (slipped out): the fingers closed past where they held it.</summary>
    Lost,

    /// <summary>The device reports a fault (over-temperature, a jam); commands are ignored until cleared.</summary>
    Fault,
}
