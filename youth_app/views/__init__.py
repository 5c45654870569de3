"""HTTP blueprints by audience: pupil, facilitator, present (big screen), auth, health."""
