namespace Controller.Robotics.Simulation;

/// <summary>How the plant integrates q̈ over a step.</summary>
public enum PlantIntegrator
{
    /// <summary>Classical fourth-order Runge–Kutta: four ABA calls per step; conserves energy far better.</summary>
    RungeKutta4,

    /// <summary>Semi-implicit (symplectic) Euler: one ABA call per step; cheaper, for large models at high rates.</summary>
    SemiImplicitEuler,
}
