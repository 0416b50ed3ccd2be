using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Kinematics;

/// <summary>Geometric Jacobians of frames.</summary>
public static class FrameJacobian
{
    /// <summary>
    /// The geometric Jacobian of a frame, in the root frame with the frame's origin as reference point (KDL's
    /// convention): 6 rows (linear x, y, z, then angular x, y, z) × n columns, row-major into
    /// <paramref name="jacobian"/>. Columns of joints that do not move the frame are zero. Uses the body poses of
    /// the last <see cref="ForwardKinematics.Compute"/>. No allocation.
    /// </summary>
    /// <param name="data">Working memory, after forward kinematics at the wanted q.</param>
    /// <param name="frame">Frame index (<see cref="RobotModel.FrameIndex"/>).</param>
    /// <param name="jacobian">6·n entries.</param>
    public static void Compute(RobotData data, int frame, Span<double> jacobian)
    {
        RobotModel model = data.Model;
        int n = model.DofCount;
        if (jacobian.Length != 6 * n)
        {
            throw new ArgumentException($"jacobian has {jacobian.Length} entries; 6 × {n} are needed for model '{model.Name}'", nameof(jacobian));
        }

        jacobian.Clear();
        Vec3 point = data.FramePose(frame).Translation;
        for (int body = model.FrameBodies[frame]; body >= 0; body = model.Parents[body])
        {
            ref readonly Transform3 pose = ref data.BodyPoses[body];
            Vec3 axis = pose.Rotation * model.Axes[body];
            Vec3 linear;
            Vec3 angular;
            if (model.Kinds[body] == JointKind.Revolute)
            {
                linear = Vec3.Cross(axis, point - pose.Translation);
                angular = axis;
            }
            else
            {
                linear = axis;
                angular = Vec3.Zero;
            }

            jacobian[body] = linear.X;
            jacobian[n + body] = linear.Y;
            jacobian[2 * n + body] = linear.Z;
            jacobian[3 * n + body] = angular.X;
            jacobian[4 * n + body] = angular.Y;
            jacobian[5 * n + body] = angular.Z;
        }
    }
}
