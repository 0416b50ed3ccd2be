#!/usr/bin/python3
"""Writes reference fixtures computed by Orocos KDL (Debian package python3-pykdl) for the real URDFs in ../Data.

For each chain below and each of a fixed set of random configurations it records what KDL computes:
forward kinematics of every segment, the geometric Jacobian of the tip (ChainJntToJacSolver), inverse dynamics
(ChainIdSolver_RNE with gravity (0, 0, -9.81)), and the mass matrix, Coriolis and gravity torques
(ChainDynParam). The C# tests (KdlReferenceTests) compare our model to these numbers.

The URDF -> KDL conversion follows ROS's kdl_parser (the usual way KDL meets a URDF): one segment per joint,
named after the child link; the segment's joint sits at the joint origin with its axis rotated into the parent
frame; the link inertia is KDL's RigidBodyInertia(mass, com, I rotated into link axes); the root link's inertia
is not part of the chain. Run with the system python (python3-pykdl installs there):

    /usr/bin/python3 tests/Controller.Robotics.Tests/Reference/make_kdl_fixtures.py

The output is deterministic for a given KDL version; it is committed, and .ci/run regenerates it when the
package is installed, so a difference shows up in `git diff`.
"""
import json
import math
import os
import random
import xml.etree.ElementTree as ET

import PyKDL as kdl

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "Data")
GRAVITY = (0.0, 0.0, -9.81)
CASES = 12

CHAINS = [
    ("franka_panda.urdf", "panda_link0", "panda_hand"),
    ("franka_panda.urdf", "panda_link0", "panda_leftfinger"),
    ("so101_new_calib.urdf", "base_link", "gripper_frame_link"),
    ("so101_new_calib.urdf", "base_link", "moving_jaw_so101_v1_link"),
    ("unitree_g1_29dof.urdf", "pelvis", "left_wrist_yaw_link"),
    ("unitree_g1_29dof.urdf", "pelvis", "right_ankle_roll_link"),
]


def floats(text, default):
    return [float(v) for v in text.split()] if text else list(default)


def origin_frame(element):
    origin = element.find("origin") if element is not None else None
    xyz = floats(origin.get("xyz") if origin is not None else None, (0, 0, 0))
    rpy = floats(origin.get("rpy") if origin is not None else None, (0, 0, 0))
    return kdl.Frame(kdl.Rotation.RPY(*rpy), kdl.Vector(*xyz))


def rotate_tensor(r, t):
    """R * T * R^T for 3x3 lists."""
    rt = [[r[j][i] for j in range(3)] for i in range(3)]
    def mul(a, b):
        return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]
    return mul(mul(r, t), rt)


def link_inertia(link):
    inertial = link.find("inertial")
    if inertial is None:
        return kdl.RigidBodyInertia()
    frame = origin_frame(inertial)
    mass = float(inertial.find("mass").get("value"))
    i = inertial.find("inertia")
    g = lambda name: float(i.get(name, "0"))
    tensor = [[g("ixx"), g("ixy"), g("ixz")], [g("ixy"), g("iyy"), g("iyz")], [g("ixz"), g("iyz"), g("izz")]]
    r = [[frame.M[a, b] for b in range(3)] for a in range(3)]
    t = rotate_tensor(r, tensor)
    rot = kdl.RotationalInertia(t[0][0], t[1][1], t[2][2], t[0][1], t[0][2], t[1][2])
    return kdl.RigidBodyInertia(mass, frame.p, rot)


def kdl_joint(joint):
    kind = joint.get("type")
    frame = origin_frame(joint)
    if kind == "fixed":
        return kdl.Joint(joint.get("name"), kdl.Joint.Fixed)
    axis_el = joint.find("axis")
    axis = kdl.Vector(*floats(axis_el.get("xyz") if axis_el is not None else None, (1, 0, 0)))
    axis = frame.M * axis
    if kind in ("revolute", "continuous"):
        return kdl.Joint(joint.get("name"), frame.p, axis, kdl.Joint.RotAxis)
    if kind == "prismatic":
        return kdl.Joint(joint.get("name"), frame.p, axis, kdl.Joint.TransAxis)
    raise ValueError("unsupported joint type " + kind)


def build_chain(root, base, tip):
    links = {l.get("name"): l for l in root.findall("link")}
    by_child = {j.find("child").get("link"): j for j in root.findall("joint")}
    path = []
    link = tip
    while link != base:
        joint = by_child[link]
        path.append(joint)
        link = joint.find("parent").get("link")
    path.reverse()
    chain = kdl.Chain()
    movable = []
    limits = []
    for joint in path:
        child = joint.find("child").get("link")
        chain.addSegment(kdl.Segment(child, kdl_joint(joint), origin_frame(joint), link_inertia(links[child])))
        if joint.get("type") != "fixed":
            movable.append(joint.get("name"))
            limit = joint.find("limit")
            if joint.get("type") == "continuous" or limit is None:
                limits.append((-math.pi, math.pi))
            else:
                limits.append((float(limit.get("lower", "0")), float(limit.get("upper", "0"))))
    return chain, movable, limits


def jnt_array(values):
    a = kdl.JntArray(len(values))
    for i, v in enumerate(values):
        a[i] = v
    return a


def case(chain, limits, rng):
    n = chain.getNrOfJoints()
    q = [rng.uniform(lo, hi) for lo, hi in limits]
    qd = [rng.uniform(-1.5, 1.5) for _ in range(n)]
    qdd = [rng.uniform(-3.0, 3.0) for _ in range(n)]
    gravity = kdl.Vector(*GRAVITY)

    fk = kdl.ChainFkSolverPos_recursive(chain)
    frames = {}
    for s in range(chain.getNrOfSegments()):
        f = kdl.Frame()
        fk.JntToCart(jnt_array(q), f, s + 1)
        frames[chain.getSegment(s).getName()] = {
            "position": [f.p[0], f.p[1], f.p[2]],
            "rotation": [f.M[r, c] for r in range(3) for c in range(3)],
        }

    jac = kdl.Jacobian(n)
    kdl.ChainJntToJacSolver(chain).JntToJac(jnt_array(q), jac)
    jacobian = [jac[r, c] for r in range(6) for c in range(n)]

    tau = kdl.JntArray(n)
    wrenches = [kdl.Wrench() for _ in range(chain.getNrOfSegments())]
    kdl.ChainIdSolver_RNE(chain, gravity).CartToJnt(jnt_array(q), jnt_array(qd), jnt_array(qdd), wrenches, tau)

    dyn = kdl.ChainDynParam(chain, gravity)
    mass = kdl.JntSpaceInertiaMatrix(n)
    dyn.JntToMass(jnt_array(q), mass)
    coriolis = kdl.JntArray(n)
    dyn.JntToCoriolis(jnt_array(q), jnt_array(qd), coriolis)
    grav = kdl.JntArray(n)
    dyn.JntToGravity(jnt_array(q), grav)

    return {
        "q": q, "qd": qd, "qdd": qdd,
        "frames": frames,
        "jacobian": jacobian,
        "tau": [tau[i] for i in range(n)],
        "mass_matrix": [mass[r, c] for r in range(n) for c in range(n)],
        "coriolis": [coriolis[i] for i in range(n)],
        "gravity": [grav[i] for i in range(n)],
    }


def main():
    for urdf, base, tip in CHAINS:
        root = ET.parse(os.path.join(DATA, urdf)).getroot()
        chain, movable, limits = build_chain(root, base, tip)
        rng = random.Random(f"{urdf}:{base}:{tip}")
        fixture = {
            "reference": "Orocos KDL (python3-pykdl) via tests/Controller.Robotics.Tests/Reference/make_kdl_fixtures.py",
            "urdf": urdf, "base": base, "tip": tip, "joints": movable, "gravity": list(GRAVITY),
            "jacobian_rows": "linear x, y, z then angular x, y, z; root frame; reference point at the tip origin",
            "cases": [case(chain, limits, rng) for _ in range(CASES)],
        }
        name = f"kdl-{os.path.splitext(urdf)[0]}-{tip}.json"
        with open(os.path.join(HERE, name), "w") as out:
            json.dump(fixture, out, indent=1)
            out.write("\n")
        print("wrote", name, len(movable), "joints")


if __name__ == "__main__":
    main()
