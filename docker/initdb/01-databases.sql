-- One database per service (each service owns its data). Run once by the postgres image on an empty volume.
CREATE DATABASE omni_order;
CREATE DATABASE omni_inventory;
CREATE DATABASE omni_returns;
CREATE DATABASE omni_customer;
