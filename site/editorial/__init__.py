"""Editorial pages published by council staff (home page; campaigns and news later)."""
