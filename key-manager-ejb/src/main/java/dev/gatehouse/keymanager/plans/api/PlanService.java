package dev.gatehouse.keymanager.plans.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

@Local
public interface PlanService {

    List<PlanView> list();

    PlanView get(UUID planId);
}
